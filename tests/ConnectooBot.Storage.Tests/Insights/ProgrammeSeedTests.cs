using Azure.Data.Tables;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Content;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Insights;
using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Storage.Tests.Insights;

/// <summary>The seeded programme written through each learner store and read back in one paged scan gives the figures the seed counted.</summary>
public sealed class ProgrammeSeedTests
{
    private static readonly Course Course = ContentLoader.LoadCourse(Path.Combine(TestMachine.RepositoryRoot, "dialogs-content"));
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InMemory_SeedThenRollup_GivesTheSeedsFigures()
    {
        var seed = ProgrammeSeed.Generate(Course, Now);
        var learners = new InMemoryLearnerStore();
        await seed.WriteAsync(learners, new InMemoryTeamStore(), cancellationToken: CancellationToken.None);

        AssertMatches(seed, await RollupAsync(seed, learners));
    }

    [Fact]
    public async Task Azurite_SeedThenRollup_GivesTheSeedsFigures()
    {
        var azurite = await Azurite.GetAsync();
        var prefix = Azurite.NewTablePrefix();
        var service = new TableServiceClient(azurite.ConnectionString);
        var learnerTable = service.GetTableClient("learners" + prefix);
        var teamTable = service.GetTableClient("teams" + prefix);
        await learnerTable.CreateIfNotExistsAsync(CancellationToken.None);
        await teamTable.CreateIfNotExistsAsync(CancellationToken.None);
        var seed = ProgrammeSeed.Generate(Course, Now);
        var learners = new TableLearnerStore(learnerTable);
        await seed.WriteAsync(learners, new TableTeamStore(teamTable), cancellationToken: CancellationToken.None);

        AssertMatches(seed, await RollupAsync(seed, learners));
    }

    [Fact]
    public void TheDesignedItemsDrawTheirFlags_InTheLargeLanguageGroups()
    {
        var seed = ProgrammeSeed.Generate(Course, Now);

        var insights = ProgrammeRollup.Compute(Course, seed.TenantId, seed.Learners, seed.Rosters, Now);

        Assert.Equal(4, seed.Expected.DesignedFlags.Count);
        foreach (var designed in seed.Expected.DesignedFlags)
        {
            foreach (var language in new[] { Languages.French, Languages.Dutch })
            {
                var item = insights.Items.Single(i => i.ModuleId == designed.ModuleId && i.QuestionId == designed.QuestionId && i.Language == language);
                Assert.True(item.Flags.HasFlag(designed.Flag), $"{designed.QuestionId} ({language}) should be {designed.Flag}: {item}");
            }
        }

        // Ordinary items (right with probability 0.2 + 0.8 × ability) answered by many draw no flag; a few dozen answers
        // (the German and English groups) may draw one by chance, as real small groups do.
        var ordinary = insights.Items.Where(i => i.Responses >= 100 && !seed.Expected.DesignedFlags.Any(d => d.QuestionId == i.QuestionId && d.ModuleId == i.ModuleId)).ToList();
        Assert.True(ordinary.Count > 100, $"{ordinary.Count} ordinary items with 100 answers or more");
        Assert.All(ordinary, i => Assert.Equal(ItemFlags.None, i.Flags));
    }

    [Fact]
    public void TheSeedIsDeterministic_AndShapedAsAsked()
    {
        var first = ProgrammeSeed.Generate(Course, Now);
        var second = ProgrammeSeed.Generate(Course, Now);

        Assert.Equal(first.Learners.Select(l => l.Key), second.Learners.Select(l => l.Key));
        Assert.Equal(first.Expected.Completed, second.Expected.Completed);
        Assert.Equal(ProgrammeSeed.DefaultLearners, first.Learners.Count);
        Assert.Equal(6, first.Teams.Count);
        Assert.Single(first.Expected.ByTeam.Values, g => g.Withheld);
        Assert.Equal([1100, 800, 40, 60], Languages.All.Select(l => first.Expected.ByLanguage[l].Learners));
        Assert.True(first.Expected.Completed > 50, $"{first.Expected.Completed} completed");
        Assert.True(first.Expected.CompletionDurations[^1] - first.Expected.CompletionDurations[0] > TimeSpan.FromDays(20));
        Assert.True(first.Expected.Modules.Zip(first.Expected.Modules.Skip(1)).All(p => p.First.Opened > p.Second.Opened), "drop-off along the funnel");
        Assert.True(first.Expected.Modules[0].AttemptsPerPass > 1.2, "retries");
    }

    private static async Task<ProgrammeInsights> RollupAsync(ProgrammeSeed seed, ILearnerStore store)
    {
        var rollup = new ProgrammeRollup(Course, seed.TenantId, seed.Rosters, Now);
        await foreach (var learner in store.ListAsync(seed.TenantId, CancellationToken.None))
        {
            rollup.Add(learner);
        }

        return rollup.Build();
    }

    /// <summary>Every figure of the snapshot against the seed's own count.</summary>
    internal static void AssertMatches(ProgrammeSeed seed, ProgrammeInsights insights)
    {
        var expected = seed.Expected;
        Assert.Equal(new ProgrammeTotals(expected.Learners, expected.Started, expected.ActiveLast30Days, expected.Completed), insights.Totals);
        Assert.Equal(Course.Modules.Count, insights.Funnel.Count);
        foreach (var (step, module) in insights.Funnel.Zip(expected.Modules))
        {
            Assert.Equal((module.ModuleId, module.Opened, module.LessonCompleted, module.Passed), (step.ModuleId, step.Opened, step.LessonCompleted, step.Passed));
            Assert.Equal(module.FirstAttemptPassRate, step.FirstAttemptPassRate!.Value, 10);
            Assert.Equal(module.AttemptsPerPass, step.AttemptsPerPass!.Value, 10);
        }

        var durations = expected.CompletionDurations;
        Assert.Equal(durations.Count, insights.TimeToComplete.Count);
        var middle = durations.Count / 2;
        Assert.Equal(durations.Count % 2 == 1 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2, insights.TimeToComplete.Median);
        Assert.Equal(durations[(int)Math.Ceiling(0.9 * durations.Count) - 1], insights.TimeToComplete.P90);

        foreach (var group in insights.ByLanguage)
        {
            AssertGroup(expected.ByLanguage[group.Key], group);
        }

        Assert.Equal(expected.ByTeam.Count, insights.ByTeam.Count);
        foreach (var group in insights.ByTeam)
        {
            AssertGroup(expected.ByTeam[group.Label], group);
        }

        Assert.Equal(insights.ByTeam.Where(g => !g.Withheld).Select(g => g.Learners), insights.ByTeam.Where(g => !g.Withheld).Select(g => g.Learners).OrderDescending());
        foreach (var week in insights.Weekly)
        {
            var seeded = expected.Weekly.GetValueOrDefault(week.WeekStart) ?? new SeedWeek(0, 0, 0, 0);
            Assert.Equal((seeded.Started, seeded.Completed), (week.Started, week.Completed));
            Assert.InRange(week.Active, seeded.ActiveAtLeast, seeded.ActiveAtMost);
        }

        Assert.Equal(expected.Items.Count, insights.Items.Count);
        foreach (var item in insights.Items)
        {
            var seeded = expected.Items[(item.ModuleId, item.QuestionId, item.Language)];
            Assert.Equal(seeded.Responses < ProgrammeInsights.MinimumGroup, item.Withheld);
            if (item.Withheld)
            {
                Assert.Null(item.Difficulty);
                continue;
            }

            Assert.Equal(seeded.Responses, item.Responses);
            Assert.Equal(seeded.Difficulty, item.Difficulty!.Value, 10);
            Assert.All(item.Choices, c => Assert.Equal((double)seeded.Choices.GetValueOrDefault(c.ChoiceId) / seeded.Responses, c.Share!.Value, 10));
            if (seeded.Missed >= ProgrammeInsights.MinimumGroup)
            {
                Assert.Equal((double)seeded.MissedThenPassed / seeded.Missed, item.ReviewLedToPass!.Value, 10);
            }
        }
    }

    private static void AssertGroup(SeedGroup expected, GroupSummary group)
    {
        Assert.Equal(expected.Withheld, group.Withheld);
        if (expected.Withheld)
        {
            Assert.Equal((null, null, null, null), (group.Learners, group.Started, group.Completed, group.FirstAttemptPassRate));
            return;
        }

        Assert.Equal((expected.Learners, expected.Started, expected.Completed), (group.Learners!.Value, group.Started!.Value, group.Completed!.Value));
        Assert.Equal(expected.PassedPerModule, group.PassedPerModule);
        Assert.Equal(expected.FirstAttemptPassRate, group.FirstAttemptPassRate!.Value, 10);
    }
}
