using System.Security.Cryptography;
using System.Text;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Learning.Insights;

/// <summary>
/// Computes a tenant's <see cref="ProgrammeInsights"/> from its learner records, learner by learner (<see cref="Add"/>,
/// then <see cref="Build"/>), so a scan of any size is held as counts, not as records. Pure: the time is
/// <c>now</c>, given at construction. Every figure is defined in <c>Insights/README.md</c>; in short:
/// <list type="bullet">
/// <item>started: opened a lesson step or a quiz of a module (or the final case); completed: passed every module;
/// active in the last 30 days: started, and the last turn (<see cref="Learner.LastActive"/>) is at most 30 days old.</item>
/// <item>funnel per module: opened, lesson completed, passed; first-attempt pass rate = learners who passed with a single
/// attempt started ÷ learners who finished an attempt; attempts per pass = attempts started by the learners who passed
/// ÷ those learners.</item>
/// <item>time to complete: from the first turn with the bot (<see cref="Learner.FirstSeen"/>: lesson steps carry no
/// time) to the pass of the last module; median and nearest-rank 90th percentile.</item>
/// <item>weekly (Monday to Sunday, Brussels): started = first turn in the week; active = a stored instant in the week
/// (turn, quiz attempt or answer, pass, review answer); completed = last module passed in the week.</item>
/// <item>items: over each learner's first answer to each question, in the learner's current language: difficulty,
/// point-biserial against the rest of the module (the share right over the other questions they first-answered),
/// choice shares, and among those who missed it the share who have passed the module since.</item>
/// </list>
/// Every group under <see cref="ProgrammeInsights.MinimumGroup"/> learners is withheld; the snapshot holds no name and no id.
/// </summary>
public sealed class ProgrammeRollup
{
    /// <summary>Flag <see cref="ItemFlags.TooEasy"/> above this share right at first sight.</summary>
    public const double TooEasyAbove = 0.95;

    /// <summary>Flag <see cref="ItemFlags.TooHard"/> below this share right at first sight.</summary>
    public const double TooHardBelow = 0.30;

    /// <summary>Flag <see cref="ItemFlags.NonDiscriminating"/> below this point-biserial.</summary>
    public const double DiscriminatingFrom = 0.15;

    /// <summary>How many weeks the trend shows, the current one last.</summary>
    public const int Weeks = 12;

    /// <summary>The window of <see cref="ProgrammeTotals.ActiveLast30Days"/>.</summary>
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(30);

    private readonly Course _course;
    private readonly string _tenantId;
    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<TeamRoster> _teams;
    private readonly Dictionary<string, List<int>> _teamsOfMember = new(StringComparer.OrdinalIgnoreCase);
    private readonly GroupTally[] _teamTallies;
    private readonly Dictionary<string, GroupTally> _languages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Module, string Question, string Language), ItemTally> _items = [];
    private readonly List<Module> _quizzed;
    private readonly int[] _opened;
    private readonly int[] _lessonCompleted;
    private readonly int[] _passed;
    private readonly int[] _took;
    private readonly int[] _firstPass;
    private readonly int[] _attemptsOfPassers;
    private readonly List<TimeSpan> _durations = [];
    private readonly DateOnly[] _weekStarts;
    private readonly int[] _weekStarted;
    private readonly int[] _weekActive;
    private readonly int[] _weekCompleted;
    private int _learners;
    private int _started;
    private int _active;
    private int _completed;

    public ProgrammeRollup(Course course, string tenantId, IReadOnlyList<TeamRoster> teams, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(teams);
        _course = course;
        _tenantId = tenantId;
        _now = now;
        _zone = zone ?? LocalTime.Zone(null);
        _teams = teams;
        _teamTallies = [.. teams.Select(_ => new GroupTally(course.Modules.Count))];
        for (var i = 0; i < teams.Count; i++)
        {
            foreach (var member in teams[i].MemberIds.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                (_teamsOfMember.TryGetValue(member, out var list) ? list : _teamsOfMember[member] = []).Add(i);
            }
        }

        foreach (var language in Languages.All)
        {
            _languages[language] = new GroupTally(course.Modules.Count);
        }

        _quizzed = course.FinalCase is { } finalCase ? [.. course.Modules, finalCase] : [.. course.Modules];
        var modules = course.Modules.Count;
        (_opened, _lessonCompleted, _passed, _took, _firstPass, _attemptsOfPassers) = (new int[modules], new int[modules], new int[modules], new int[modules], new int[modules], new int[modules]);
        var thisWeek = WeekOf(now);
        _weekStarts = [.. Enumerable.Range(0, Weeks).Select(i => thisWeek.AddDays(-7 * (Weeks - 1 - i)))];
        (_weekStarted, _weekActive, _weekCompleted) = (new int[Weeks], new int[Weeks], new int[Weeks]);
    }

    /// <summary>Teams whose roster could not be read: they have no <see cref="ProgrammeInsights.ByTeam"/> entry.</summary>
    public int TeamsWithoutRoster { get; init; }

    /// <summary>The snapshot of <paramref name="learners"/> in one call.</summary>
    public static ProgrammeInsights Compute(Course course, string tenantId, IEnumerable<Learner> learners, IReadOnlyList<TeamRoster> teams, DateTimeOffset now, int teamsWithoutRoster = 0)
    {
        ArgumentNullException.ThrowIfNull(learners);
        var rollup = new ProgrammeRollup(course, tenantId, teams, now) { TeamsWithoutRoster = teamsWithoutRoster };
        foreach (var learner in learners)
        {
            rollup.Add(learner);
        }

        return rollup.Build();
    }

    /// <summary>Counts one learner of the tenant (a learner of another tenant is ignored).</summary>
    public void Add(Learner learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (learner.Key.TenantId != _tenantId)
        {
            return;
        }

        var facts = LearnerFacts.Of(_course, learner);
        _learners++;
        if (facts.Started)
        {
            _started++;
            _active += learner.LastActive >= _now - ActiveWindow ? 1 : 0;
        }

        if (facts.Completed && facts.CompletedAt is { } completedAt)
        {
            _completed++;
            _durations.Add(completedAt - learner.FirstSeen);
        }

        for (var i = 0; i < facts.Modules.Count; i++)
        {
            var module = facts.Modules[i];
            _opened[i] += module.Opened ? 1 : 0;
            _lessonCompleted[i] += module.LessonCompleted ? 1 : 0;
            _passed[i] += module.Passed ? 1 : 0;
            _took[i] += module.TookQuiz ? 1 : 0;
            _firstPass[i] += module.TookQuiz && module.FirstAttemptPass ? 1 : 0;
            _attemptsOfPassers[i] += module.Passed ? module.Attempts : 0;
        }

        if (_languages.TryGetValue(facts.Language, out var language))
        {
            language.Add(facts);
        }

        if (_teamsOfMember.TryGetValue(learner.Key.UserId, out var teams))
        {
            foreach (var team in teams)
            {
                _teamTallies[team].Add(facts);
            }
        }

        AddWeeks(learner, facts);
        AddItems(learner, facts.Language);
    }

    public ProgrammeInsights Build()
    {
        var funnel = _course.Modules.Select((m, i) => new ModuleFunnelStep(
            m.Id,
            m.Number,
            _opened[i],
            _lessonCompleted[i],
            _passed[i],
            _took[i] < ProgrammeInsights.MinimumGroup ? null : (double)_firstPass[i] / _took[i],
            _passed[i] < ProgrammeInsights.MinimumGroup ? null : (double)_attemptsOfPassers[i] / _passed[i])).ToList();
        var durations = _durations.Order().ToList();
        var teams = _teams.Select((t, i) => (Tally: _teamTallies[i], Summary: _teamTallies[i].Summary(TeamKey(t.TeamId), t.Name)))
            .OrderBy(t => t.Summary.Withheld)
            .ThenByDescending(t => t.Summary.Withheld ? 0 : t.Tally.Learners)
            .ThenBy(t => t.Summary.Label, StringComparer.CurrentCulture)
            .Select(t => t.Summary)
            .ToList();
        return new ProgrammeInsights
        {
            TenantId = _tenantId,
            ComputedAt = _now,
            ContentVersion = _course.Version,
            Totals = new ProgrammeTotals(_learners, _started, _active, _completed),
            Funnel = funnel,
            TimeToComplete = durations.Count < ProgrammeInsights.MinimumGroup
                ? new DurationSummary(durations.Count, null, null)
                : new DurationSummary(durations.Count, Percentile.Median(durations), Percentile.NearestRank(durations, 0.9)),
            ByLanguage = [.. Languages.All.Select(l => _languages[l].Summary(l, l))],
            ByTeam = teams,
            Weekly = [.. _weekStarts.Select((w, i) => new WeeklyPoint(w, _weekStarted[i], _weekActive[i], _weekCompleted[i]))],
            Items = [.. _quizzed.SelectMany(m => m.Questions.SelectMany(q => Languages.All
                .Where(l => _items.ContainsKey((m.Id, q.Id, l)))
                .Select(l => _items[(m.Id, q.Id, l)].Statistics())))],
            TeamsWithoutRoster = TeamsWithoutRoster,
        };
    }

    /// <summary>A team's group key: the first 12 hex digits of the SHA-256 of its id (stable across rollups, not the id).</summary>
    public static string TeamKey(string teamId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(teamId ?? string.Empty)))[..12];

    /// <summary>The Monday (local date) of the week holding <paramref name="at"/>.</summary>
    private DateOnly WeekOf(DateTimeOffset at)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);
        return local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
    }

    private int WeekIndex(DateTimeOffset at)
    {
        var days = WeekOf(at).DayNumber - _weekStarts[0].DayNumber;
        return days < 0 || days / 7 >= Weeks ? -1 : days / 7;
    }

    private void AddWeeks(Learner learner, LearnerFacts facts)
    {
        if (!facts.Started)
        {
            return;
        }

        if (WeekIndex(learner.FirstSeen) is var first and >= 0)
        {
            _weekStarted[first]++;
        }

        foreach (var week in facts.Instants.Select(WeekIndex).Where(w => w >= 0).Distinct())
        {
            _weekActive[week]++;
        }

        if (facts.CompletedAt is { } completedAt && WeekIndex(completedAt) is var done and >= 0)
        {
            _weekCompleted[done]++;
        }
    }

    private void AddItems(Learner learner, string language)
    {
        if (!Languages.IsSupported(language))
        {
            return;
        }

        foreach (var module in _quizzed)
        {
            if (!learner.Progress.Modules.TryGetValue(module.Id, out var progress))
            {
                continue;
            }

            var answers = FirstAnswers.Of(progress).Where(a => module.FindQuestion(a.QuestionId) is not null).ToList();
            var right = answers.Count(a => a.Correct);
            foreach (var answer in answers)
            {
                double? rest = answers.Count < 2 ? null : (right - (answer.Correct ? 1.0 : 0.0)) / (answers.Count - 1);
                var key = (module.Id, answer.QuestionId, language);
                if (!_items.TryGetValue(key, out var tally))
                {
                    var question = module.FindQuestion(answer.QuestionId)!;
                    _items[key] = tally = new ItemTally(module.Id, question.Id, language, question.Choices, question.Correct);
                }

                tally.Add(answer, rest, progress.Passed);
            }
        }
    }
}
