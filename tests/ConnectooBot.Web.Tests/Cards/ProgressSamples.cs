using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Web.Turns;
using ConnectooBot.Web.Managers;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.Cards;

/// <summary>The team progress cards as the bot renders them, for a fixed team of seven (for golden files and SDK checks).</summary>
internal static class ProgressSamples
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<(string Name, JsonObject Card)> Cards(UiContent content, Learning.Catalog.Course course, string language)
    {
        var cards = new ProgressCards(course, new CardRenderer(content), content);
        var team = new TeamRecord { TenantId = "t", TeamId = "19:a@thread.tacv2", Name = "Guichet Namur", ServiceUrl = "https://smba.example/teams", ChannelId = "19:a@thread.tacv2", InstalledAt = Now };
        var small = TeamProgress.Compute(course, [.. Members().Take(3)], Learners(course));
        var full = TeamProgress.Compute(course, Members(), Learners(course));
        return
        [
            ("team-progress", cards.Aggregate(team, full, language, content.Text(language, "progress.private"))),
            ("team-progress-withheld", cards.Aggregate(team, small, language, null)),
            ("team-progress-detail", cards.Detail(team, full, language, "https://connectoo.example.be/reports/team-progress.csv?t=x.y")),
            ("team-picker", cards.Picker([team, team with { TeamId = "19:b@thread.tacv2", Name = "Back office" }], language)),
        ];
    }

    private static List<TeamMember> Members() =>
        [.. new[] { "Anne", "Bart", "Chloé", "Dirk", "Elif", "Frank", "Greet" }.Select((n, i) => new TeamMember($"00000000-0000-0000-0000-00000000000{i}", n))];

    private static Dictionary<string, Learner> Learners(Learning.Catalog.Course course)
    {
        var learners = new Dictionary<string, Learner>();
        foreach (var (member, i) in Members().Take(6).Select((m, i) => (m, i)))
        {
            var progress = CourseProgress.Empty;
            foreach (var module in course.Modules.Take(i))
            {
                progress = progress.With(progress.Module(module.Id) with { Attempts = [new QuizAttempt { Number = 1, QuestionIds = ["q"], StartedAt = Now, Answers = [new Answer("q", "a", true, Now)], FinishedAt = Now, ContentVersion = course.Version, Passed = true }] });
            }

            learners[member.UserId] = new Learner
            {
                Key = new LearnerKey("t", member.UserId),
                Language = "fr",
                FirstSeen = Now.AddDays(-i),
                LastActive = Now.AddDays(-i),
                Progress = progress with { Current = course.Modules.Count > i ? new Position(course.Modules[i].Id, PositionKind.Lesson, 0) : null },
            };
        }

        return learners;
    }
}
