using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Insights;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>
/// A hand-built programme snapshot for the page tests: the six modules of the real course, German withheld (3
/// learners), a withheld team, the first question of the first module in four versions (one withheld, one with every
/// flag), figures chosen so each shows once on the page.
/// </summary>
internal static class SampleInsights
{
    public const string Tenant = "99999999-0000-0000-0000-00000000c0de";
    public const string WithheldTeam = "Cellule Zeta";

    public static ProgrammeInsights Create(Learning.Catalog.Course course, string tenant = Tenant)
    {
        var modules = course.Modules;
        var first = modules[0];
        var question = first.Questions[0];
        var distractor = question.Choices.First(c => c != question.Correct);
        return new ProgrammeInsights
        {
            TenantId = tenant,
            ComputedAt = new DateTimeOffset(2026, 12, 2, 21, 30, 0, TimeSpan.Zero),
            ContentVersion = course.Version,
            Totals = new ProgrammeTotals(Learners: 2345, Started: 1987, ActiveLast30Days: 1234, Completed: 876),
            Funnel = [.. modules.Select((m, i) => new ModuleFunnelStep(m.Id, m.Number, 1900 - (i * 100), 1850 - (i * 100), 1700 - (i * 100), 0.61 + (i * 0.01), 1.4 + (i * 0.1)))],
            TimeToComplete = new DurationSummary(876, TimeSpan.FromDays(12.5), TimeSpan.FromDays(31.4)),
            ByLanguage =
            [
                new GroupSummary(Languages.French, "fr", false, 1000, 900, 400, 0.64, [900, 850, 800, 700, 600, 400]),
                new GroupSummary(Languages.Dutch, "nl", false, 1342, 1084, 476, 0.59, [1000, 900, 800, 700, 600, 476]),
                new GroupSummary(Languages.German, "de", true, null, null, null, null, null),
                new GroupSummary(Languages.English, "en", false, 50, 40, 10, 0.55, [40, 35, 30, 20, 15, 10]),
            ],
            ByTeam =
            [
                new GroupSummary("team-a", "Accueil Bruxelles", false, 812, 700, 333, 0.62, [700, 650, 600, 500, 450, 333]),
                new GroupSummary("team-b", "Loket Gent", false, 777, 650, 300, 0.58, [650, 600, 550, 450, 400, 300]),
                new GroupSummary("team-z", WithheldTeam, true, null, null, null, null, null),
            ],
            Weekly = [.. Enumerable.Range(0, 8).Select(w => new WeeklyPoint(new DateOnly(2026, 10, 12).AddDays(7 * w), 100 + w, 400 + (10 * w), 20 + w))],
            Items =
            [
                new ItemStatistics(first.Id, question.Id, Languages.French, 812, false, 0.97, 0.08,
                    [.. question.Choices.Select(c => new ChoiceShare(c, c == question.Correct, c == question.Correct ? 0.97 : 0.01))], 0.75,
                    ItemFlags.TooEasy | ItemFlags.NonDiscriminating),
                new ItemStatistics(first.Id, question.Id, Languages.Dutch, 640, false, 0.25, 0.31,
                    [.. question.Choices.Select(c => new ChoiceShare(c, c == question.Correct, c == question.Correct ? 0.25 : c == distractor ? 0.55 : 0.1))], 0.5,
                    ItemFlags.TooHard | ItemFlags.DistractorBeatsKey),
                new ItemStatistics(first.Id, question.Id, Languages.German, 0, true, null, null,
                    [.. question.Choices.Select(c => new ChoiceShare(c, c == question.Correct, null))], null, ItemFlags.None),
                new ItemStatistics(first.Id, question.Id, Languages.English, 120, false, 0.7, 0.42,
                    [.. question.Choices.Select(c => new ChoiceShare(c, c == question.Correct, c == question.Correct ? 0.7 : 0.1))], 0.8, ItemFlags.None),
            ],
        };
    }
}
