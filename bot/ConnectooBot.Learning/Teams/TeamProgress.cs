using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Teams;

/// <summary>
/// A team's progress: the aggregate everyone in the channel may see and the per-person rows only managers see. The
/// aggregate is withheld below <see cref="MinimumLearners"/> learners, so it never reveals one person's results.
/// </summary>
public sealed record TeamProgress
{
    public const int MinimumLearners = 5;

    public required int Members { get; init; }

    /// <summary>Members who have a learner record (have talked to the bot).</summary>
    public required int Learners { get; init; }

    /// <summary>Learners who opened at least one lesson or quiz.</summary>
    public required int Started { get; init; }

    /// <summary>Module id → learners who passed it, in the course's order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> PassedPerModule { get; init; }

    public required int Badges { get; init; }

    public required IReadOnlyList<TeamProgressRow> Rows { get; init; }

    public bool AggregateWithheld => Learners < MinimumLearners;

    /// <summary>Joins a roster with the learners of its tenant (learners who are not in the roster are ignored).</summary>
    public static TeamProgress Compute(Course course, IReadOnlyCollection<TeamMember> roster, IReadOnlyDictionary<string, Learner> learnersByUserId)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(learnersByUserId);
        var rows = new List<TeamProgressRow>(roster.Count);
        var passed = course.Modules.ToDictionary(m => m.Id, _ => 0, StringComparer.Ordinal);
        int learners = 0, started = 0, badges = 0;
        foreach (var member in roster)
        {
            if (!learnersByUserId.TryGetValue(member.UserId, out var learner))
            {
                rows.Add(new TeamProgressRow(member.UserId, member.Name, 0, null, null, false));
                continue;
            }

            learners++;
            var modulesPassed = 0;
            foreach (var module in course.Modules)
            {
                if (learner.Progress.Module(module.Id).Passed)
                {
                    passed[module.Id]++;
                    modulesPassed++;
                }
            }

            var hasStarted = learner.Progress.Current is not null || modulesPassed > 0;
            started += hasStarted ? 1 : 0;
            var hasBadge = course.Modules.Count > 0 && modulesPassed == course.Modules.Count;
            badges += hasBadge ? 1 : 0;
            rows.Add(new TeamProgressRow(member.UserId, member.Name ?? learner.DisplayName, modulesPassed, CurrentModule.Of(course, learner.Progress), learner.LastActive, hasBadge));
        }

        return new TeamProgress
        {
            Members = roster.Count,
            Learners = learners,
            Started = started,
            PassedPerModule = [.. course.Modules.Select(m => new KeyValuePair<string, int>(m.Id, passed[m.Id]))],
            Badges = badges,
            Rows = [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)],
        };
    }
}
