using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Testing.Insights;

/// <summary>The seed's own count of what it generated, kept apart from the rollup's code.</summary>
internal sealed class Tallies(Course course)
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private readonly Dictionary<string, LearnerRecord> _learners = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string, string, string), ItemCount> _items = [];
    private DateTimeOffset _now;

    public void Add(string userId, LearnerRecord record, DateTimeOffset lastActive, DateTimeOffset now)
    {
        _learners[userId] = record;
        record.Kept.Add(lastActive);
        record.Kept.Add(record.FirstSeen);
        _now = now;
    }

    public void FirstAnswer(string moduleId, string questionId, string language, string choice, bool correct)
    {
        var item = Item(moduleId, questionId, language);
        item.Responses++;
        item.Correct += correct ? 1 : 0;
        item.Choices[choice] = item.Choices.GetValueOrDefault(choice) + 1;
    }

    public void Misses(string moduleId, string language, IEnumerable<string> missed, bool passed)
    {
        foreach (var id in missed)
        {
            var item = Item(moduleId, id, language);
            item.Missed++;
            item.MissedThenPassed += passed ? 1 : 0;
        }
    }

    public SeedExpectation Expectation(IReadOnlyList<SeededItemFlag> designed, IReadOnlyList<(string Name, IReadOnlyList<TeamMember> Roster)> teams, IReadOnlyList<Learner> learners)
    {
        var records = learners.Select(l => (Learner: l, Record: _learners[l.Key.UserId])).ToList();
        var started = records.Where(r => r.Record.Modules.Count > 0).ToList();
        var completed = records.Where(r => Completed(r.Record)).ToList();
        var weeks = new Dictionary<DateOnly, (int Started, int Low, int High, int Completed)>();
        foreach (var (learner, record) in started)
        {
            Bump(weeks, Monday(record.FirstSeen), w => w with { Started = w.Started + 1 });
            foreach (var week in record.Kept.Select(Monday).Distinct())
            {
                Bump(weeks, week, w => w with { Low = w.Low + 1 });
            }

            foreach (var week in record.Instants.Append(learner.LastActive).Select(Monday).Distinct())
            {
                Bump(weeks, week, w => w with { High = w.High + 1 });
            }

            if (Completed(record))
            {
                Bump(weeks, Monday(CompletedAt(record)), w => w with { Completed = w.Completed + 1 });
            }
        }

        return new SeedExpectation
        {
            Learners = records.Count,
            Started = started.Count,
            ActiveLast30Days = started.Count(r => r.Learner.LastActive >= _now.AddDays(-30)),
            Completed = completed.Count,
            Modules = [.. course.Modules.Select(m => ModuleOf(m.Id, records.Select(r => r.Record)))],
            CompletionDurations = [.. completed.Select(r => CompletedAt(r.Record) - r.Record.FirstSeen).Order()],
            ByLanguage = Languages.All.ToDictionary(l => l, l => Group(records.Where(r => r.Record.Language == l).Select(r => r.Record)), StringComparer.Ordinal),
            ByTeam = teams.ToDictionary(
                t => t.Name,
                t => Group(t.Roster.Where(m => _learners.ContainsKey(m.UserId)).Select(m => _learners[m.UserId])),
                StringComparer.Ordinal),
            Weekly = weeks.ToDictionary(w => w.Key, w => new SeedWeek(w.Value.Started, w.Value.Low, w.Value.High, w.Value.Completed)),
            Items = _items.ToDictionary(i => i.Key, i => new SeedItem(i.Value.Responses, i.Value.Correct, i.Value.Choices, i.Value.Missed, i.Value.MissedThenPassed)),
            DesignedFlags = designed,
        };
    }

    private static void Bump(Dictionary<DateOnly, (int, int, int, int)> weeks, DateOnly week, Func<(int Started, int Low, int High, int Completed), (int, int, int, int)> change) =>
        weeks[week] = change(weeks.GetValueOrDefault(week));

    private static DateOnly Monday(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Brussels).DateTime);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private bool Completed(LearnerRecord record) => course.Modules.All(m => record.Modules.TryGetValue(m.Id, out var module) && module.PassedAt is not null);

    private DateTimeOffset CompletedAt(LearnerRecord record) => course.Modules.Max(m => record.Modules[m.Id].PassedAt!.Value);

    private static SeedModule ModuleOf(string moduleId, IEnumerable<LearnerRecord> records)
    {
        var modules = records.Select(r => r.Modules.GetValueOrDefault(moduleId)).OfType<ModuleRecord>().ToList();
        var passed = modules.Where(m => m.PassedAt is not null).ToList();
        return new SeedModule(
            moduleId,
            modules.Count,
            modules.Count(m => m.LessonCompleted),
            passed.Count,
            modules.Count(m => m.Took),
            passed.Count(m => m.Attempts == 1),
            passed.Sum(m => m.Attempts));
    }

    private SeedGroup Group(IEnumerable<LearnerRecord> members)
    {
        var list = members.ToList();
        var pairs = list.SelectMany(r => r.Modules.Where(m => course.Modules.Any(c => c.Id == m.Key)).Select(m => m.Value)).ToList();
        return new SeedGroup(
            list.Count,
            list.Count(r => r.Modules.Count > 0),
            list.Count(Completed),
            list.Count(r => r.Modules.Values.Any(m => m.Took)),
            pairs.Count(m => m.Took),
            pairs.Count(m => m.Took && m.PassedAt is not null && m.Attempts == 1),
            [.. course.Modules.Select(c => list.Count(r => r.Modules.TryGetValue(c.Id, out var m) && m.PassedAt is not null))]);
    }

    private ItemCount Item(string moduleId, string questionId, string language)
    {
        var key = (moduleId, questionId, language);
        return _items.TryGetValue(key, out var item) ? item : _items[key] = new ItemCount();
    }

    private sealed class ItemCount
    {
        public int Responses { get; set; }

        public int Correct { get; set; }

        public Dictionary<string, int> Choices { get; } = new(StringComparer.Ordinal);

        public int Missed { get; set; }

        public int MissedThenPassed { get; set; }
    }
}
