using System.Collections.Immutable;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Connector;

namespace ConnectooBot.Testing.Insights;

/// <summary>
/// A deterministic programme for tests, benchmarks and screenshots: N learners (2,000 by default) of one tenant, built
/// with the domain's own records (quiz attempts folded by <see cref="ModuleProgress.WithNewAttempt"/>, questions drawn by
/// <see cref="QuestionDraw"/>), in six named teams of varied sizes (one of four learners, so its split is withheld),
/// languages as in Belgium's federal staff (55 % French, 40 % Dutch, 2 % German, 3 % English), over the ten weeks before
/// <c>now</c>: drop-off along the funnel, retries, completions. Each learner has an ability; an ordinary question is
/// right with probability 0.2 + 0.8 × ability (+0.15 per retry), and four questions of the first module follow a
/// designed pattern so that they draw a known flag (<see cref="SeedExpectation.DesignedFlags"/>). Everything the
/// rollup should find is counted while generating, in <see cref="Expected"/>.
/// </summary>
public sealed class ProgrammeSeed
{
    public const int DefaultLearners = 2_000;

    /// <summary>The six teams: name and share of the learners (the last one has exactly four learners, all German-speaking).</summary>
    public static IReadOnlyList<(string Name, double Share)> TeamShapes { get; } =
    [
        ("SPF Finances – Namur", 0.32),
        ("FOD Sociale Zekerheid – Brussel", 0.24),
        ("SPF Justice – Liège", 0.18),
        ("FOD Binnenlandse Zaken – Gent", 0.12),
        ("BOSA – Digital Transformation", 0.09),
        ("Ostbelgien – Eupen", 0),
    ];

    private const int SmallTeamLearners = 4;
    private const double NeverStarts = 0.08;
    private const double StopsInLesson = 0.10;
    private const double SkipsQuiz = 0.06;
    private const double GivesUpAfterFail = 0.15;
    private const double ContinuesAfterPass = 0.93;
    private const double ContinuesWithoutPass = 0.5;
    private const int MaxAttempts = 5;

    private readonly Course _course;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly string _tenantId;
    private readonly Tallies _tallies;
    private readonly Dictionary<string, SeededItemFlag> _designed;
    private readonly string _attractiveDistractor;

    private ProgrammeSeed(Course course, string tenantId, DateTimeOffset now, int seed)
    {
        _course = course;
        _tenantId = tenantId;
        _now = now;
        _random = new Random(seed);
        _tallies = new Tallies(course);
        var first = course.Modules[0];
        _designed = new Dictionary<string, SeededItemFlag>(StringComparer.Ordinal)
        {
            [first.Questions[0].Id] = new(first.Id, first.Questions[0].Id, ItemFlags.TooEasy, "right 98.5 % of the time, whatever the learner"),
            [first.Questions[1].Id] = new(first.Id, first.Questions[1].Id, ItemFlags.TooHard, "right with probability 0.05 + 0.30 × ability"),
            [first.Questions[2].Id] = new(first.Id, first.Questions[2].Id, ItemFlags.NonDiscriminating, "right 70 % of the time, whatever the learner"),
            [first.Questions[3].Id] = new(first.Id, first.Questions[3].Id, ItemFlags.DistractorBeatsKey, "right with probability 0.20 + 0.30 × ability; a miss picks one distractor 4 times in 5"),
        };
        _attractiveDistractor = first.Questions[3].Choices.First(c => c != first.Questions[3].Correct);
    }

    public string TenantId => _tenantId;

    public DateTimeOffset Now => _now;

    public IReadOnlyList<Learner> Learners { get; private set; } = [];

    /// <summary>The six team records (active, named), each with its roster: members with a learner row, and a few without.</summary>
    public IReadOnlyList<(TeamRecord Team, IReadOnlyList<TeamMember> Roster)> Teams { get; private set; } = [];

    public SeedExpectation Expected { get; private set; } = null!;

    /// <summary>The rosters as the rollup takes them.</summary>
    public IReadOnlyList<TeamRoster> Rosters => [.. Teams.Select(t => new TeamRoster(t.Team.TeamId, t.Team.Name ?? "", [.. t.Roster.Select(m => m.UserId)]))];

    /// <summary>Generates the programme (the same for the same arguments).</summary>
    public static ProgrammeSeed Generate(Course course, DateTimeOffset now, int learners = DefaultLearners, int seed = 17, string? tenantId = null, string serviceUrl = "https://smba.trafficmanager.net/emea/")
    {
        ArgumentNullException.ThrowIfNull(course);
        if (course.Modules.Count == 0 || course.Modules[0].Questions.Count < 4)
        {
            throw new ArgumentException("The seed needs a course whose first module has at least four questions.", nameof(course));
        }

        return new ProgrammeSeed(course, tenantId ?? "seed-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture), now, seed).Build(learners, serviceUrl);
    }

    /// <summary>
    /// Writes the learners (through <see cref="ILearnerStore.InsertAsync(Learner, CancellationToken)"/>, a few at a
    /// time) and the team records, and gives each team's roster to <paramref name="connector"/> when there is one.
    /// </summary>
    public async Task WriteAsync(ILearnerStore learners, ITeamStore teams, RecordingConnector? connector = null, int parallelism = 16, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learners);
        ArgumentNullException.ThrowIfNull(teams);
        await Parallel.ForEachAsync(Learners, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (learner, ct) => await learners.InsertAsync(learner, ct));
        foreach (var (team, roster) in Teams)
        {
            var record = connector is null ? team : team with { ServiceUrl = connector.ServiceUrl };
            await teams.InsertAsync(record, cancellationToken);
            connector?.SetRoster(roster.Select(m => new TeamsChannelAccount { Id = "29:" + m.UserId, AadObjectId = m.UserId, Name = m.Name }), team.TeamId);
        }
    }

    private ProgrammeSeed Build(int count, string serviceUrl)
    {
        var learners = new List<Learner>(count);
        for (var i = 0; i < count; i++)
        {
            learners.Add(NewLearner(i));
        }

        var teams = AssignTeams(learners, serviceUrl);
        Learners = learners;
        Teams = teams;
        Expected = _tallies.Expectation(_designed.Values.ToList(), teams.Select(t => (t.Team.Name!, t.Roster)).ToList(), learners);
        return this;
    }

    private static string LanguageOf(int index) => (index % 100) switch
    {
        < 55 => Languages.French,
        < 95 => Languages.Dutch,
        < 97 => Languages.German,
        _ => Languages.English,
    };

    private Guid NewGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private TimeSpan Between(TimeSpan low, TimeSpan high) => TimeSpan.FromSeconds(Math.Round(low.TotalSeconds + (_random.NextDouble() * (high - low).TotalSeconds)));

    private Learner NewLearner(int index)
    {
        var language = LanguageOf(index);
        var ability = _random.NextDouble();
        var firstSeen = _now - Between(TimeSpan.FromHours(2), TimeSpan.FromDays(70));
        var learner = new Learner
        {
            Key = new LearnerKey(_tenantId, NewGuid().ToString()),
            Language = language,
            FirstSeen = firstSeen,
            LastActive = firstSeen,
            DisplayName = $"Learner {index + 1}",
        };
        var record = new LearnerRecord(language, firstSeen);
        record.Instants.Add(firstSeen);
        var progress = CourseProgress.Empty;
        var at = firstSeen + Between(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        if (_random.NextDouble() >= NeverStarts)
        {
            foreach (var module in _course.Modules)
            {
                if (at > _now)
                {
                    break;
                }

                var (state, last, goOn) = Walk(module, ability, at, record);
                progress = progress.With(state) with { Current = new Position(module.Id, PositionKind.Lesson, Math.Max(0, state.FurthestStep)) };
                at = last;
                if (!goOn)
                {
                    break;
                }

                at += Between(TimeSpan.FromHours(1), TimeSpan.FromDays(5));
            }
        }

        var lastActive = record.Instants.Max();
        _tallies.Add(learner.Key.UserId, record, lastActive, _now);
        return learner with { Progress = progress, LastActive = lastActive };
    }

    /// <summary>One module: the lesson, then quiz attempts until a pass, giving up, or now. Returns whether the learner goes on.</summary>
    private (ModuleProgress State, DateTimeOffset Last, bool GoOn) Walk(Module module, double ability, DateTimeOffset at, LearnerRecord record)
    {
        var facts = record.Open(module.Id);
        record.Instants.Add(at);
        var lessonDone = at + Between(TimeSpan.FromMinutes(5), TimeSpan.FromDays(2));
        if (_random.NextDouble() < StopsInLesson || lessonDone > _now)
        {
            var step = _random.Next(0, module.Steps.Count - 1);
            return (new ModuleProgress { ModuleId = module.Id, FurthestStep = step }, at, false);
        }

        var state = new ModuleProgress { ModuleId = module.Id, FurthestStep = module.Steps.Count - 1, LessonCompleted = true };
        facts.LessonCompleted = true;
        at = lessonDone;
        record.Instants.Add(at);
        if (_random.NextDouble() < SkipsQuiz)
        {
            return (state, at, _random.NextDouble() < ContinuesWithoutPass);
        }

        var missed = new List<string>();
        QuizAttempt? last = null;
        for (var number = 1; number <= MaxAttempts && at + TimeSpan.FromMinutes(15) <= _now; number++)
        {
            var questions = QuestionDraw.Draw(module, state.LastDrawn(), _course.QuestionsPerAttempt, _random.Next());
            var answers = ImmutableList.CreateBuilder<Answer>();
            var answeredAt = at;
            foreach (var id in questions)
            {
                answeredAt += Between(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90));
                var question = module.FindQuestion(id)!;
                var choice = Choose(module, question, ability + (0.15 * (number - 1)));
                var correct = choice == question.Correct;
                answers.Add(new Answer(id, choice, correct, answeredAt));
                record.Instants.Add(answeredAt);
                if (facts.FirstAnswered.Add(id))
                {
                    _tallies.FirstAnswer(module.Id, id, record.Language, choice, correct);
                    if (!correct)
                    {
                        missed.Add(id);
                    }
                }
            }

            last = new QuizAttempt { Number = number, QuestionIds = questions, Answers = answers.ToImmutable(), StartedAt = at, FinishedAt = answeredAt, ContentVersion = _course.Version };
            last = last with { Passed = last.Score >= _course.PassMark };
            state = state.WithNewAttempt(last);
            record.Instants.Add(at);
            facts.Attempts = number;
            at = answeredAt;
            if (last.Passed)
            {
                facts.PassedAt = answeredAt;
                break;
            }

            if (_random.NextDouble() < GivesUpAfterFail)
            {
                break;
            }

            at += Between(TimeSpan.FromMinutes(10), TimeSpan.FromDays(3));
        }

        if (last is not null)
        {
            // Surely kept by the record: the last attempt in full, and the first pass.
            record.Kept.Add(last.StartedAt);
            record.Kept.AddRange(last.Answers.Select(a => a.At));
            if (facts.PassedAt is { } passedAt)
            {
                record.Kept.Add(passedAt);
            }

            at = last.FinishedAt!.Value;
        }

        _tallies.Misses(module.Id, record.Language, missed, facts.PassedAt is not null);
        return (state, at, _random.NextDouble() < (facts.PassedAt is not null ? ContinuesAfterPass : ContinuesWithoutPass));
    }

    private string Choose(Module module, Question question, double ability)
    {
        ability = Math.Min(1, ability);
        var designed = module == _course.Modules[0] ? _designed.GetValueOrDefault(question.Id) : null;
        var p = designed is not null
            ? designed.Flag switch
            {
                ItemFlags.TooEasy => 0.985,
                ItemFlags.TooHard => 0.05 + (0.30 * ability),
                ItemFlags.NonDiscriminating => 0.70,
                _ => 0.20 + (0.30 * ability),
            }
            : 0.2 + (0.8 * ability);
        if (_random.NextDouble() < p)
        {
            return question.Correct;
        }

        var wrong = question.Choices.Where(c => c != question.Correct).ToList();
        return designed?.Flag == ItemFlags.DistractorBeatsKey && _random.NextDouble() < 0.8 ? _attractiveDistractor : wrong[_random.Next(wrong.Count)];
    }

    private List<(TeamRecord Team, IReadOnlyList<TeamMember> Roster)> AssignTeams(List<Learner> learners, string serviceUrl)
    {
        var order = Enumerable.Range(0, learners.Count).OrderBy(_ => _random.Next()).ToList();
        var small = order.Where(i => learners[i].Language == Languages.German).Take(SmallTeamLearners).ToList();
        var rest = order.Except(small).ToList();
        var teams = new List<(TeamRecord, IReadOnlyList<TeamMember>)>();
        var next = 0;
        foreach (var (name, share) in TeamShapes)
        {
            var members = share == 0 ? small : rest.Skip(next).Take((int)Math.Round(share * learners.Count)).ToList();
            next += share == 0 ? 0 : members.Count;
            var roster = members.Select(i => new TeamMember(learners[i].Key.UserId, learners[i].DisplayName)).ToList();

            // Colleagues who never talked to the bot: on the roster, not learners.
            roster.AddRange(Enumerable.Range(0, 2 + (members.Count / 20)).Select(k => new TeamMember(NewGuid().ToString(), $"Colleague {k + 1}")));
            var team = new TeamRecord
            {
                TenantId = _tenantId,
                TeamId = $"19:{NewGuid():N}@thread.tacv2",
                Name = name,
                ServiceUrl = serviceUrl,
                ChannelId = $"19:{NewGuid():N}@thread.tacv2",
                Locale = name.Contains("Eupen", StringComparison.Ordinal) ? "de-BE" : "fr-BE",
                InstalledAt = _now.AddDays(-80),
            };
            teams.Add((team, roster));
        }

        return teams;
    }
}
