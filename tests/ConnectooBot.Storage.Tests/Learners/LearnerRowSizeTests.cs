using ConnectooBot.Learning.Turns;
using Azure.Data.Tables;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Storage.Content;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Storage.Tests.Learners;

/// <summary>
/// The learner row stays small whatever the learner does (every turn reads and writes it whole): measured on the row
/// Azure Table Storage (Azurite) holds, the way the benchmark measures it (property names and values).
/// </summary>
public sealed class LearnerRowSizeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int LargestRow = 16 * 1024;
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly Course _course = ContentLoader.LoadCourse(Path.Combine(TestMachine.RepositoryRoot, "dialogs-content"));

    [Fact]
    public async Task Row_OfALearnerWhoDidEverything_StaysUnder16KB()
    {
        // Fails the first module's quiz 100 times (every answer wrong, slowly now and then), then fails every other
        // module once, passes every module and the final case, switches language, shares the badge in 5 teams and
        // answers 100 review questions on 100 days.
        var progress = CourseProgress.Empty;
        var now = Start;
        var first = _course.Modules[0];
        for (var i = 0; i < 100; i++)
        {
            (progress, now) = TakeQuiz(first, progress, now, right: 0, seed: i);
        }

        foreach (var module in _course.Modules.Append(_course.FinalCase!))
        {
            progress = WalkLesson(module, progress);
            (progress, now) = TakeQuiz(module, progress, now, right: 2, seed: 1000);
            (progress, now) = TakeQuiz(module, progress, now, right: module.IsCase ? module.Questions.Count : _course.QuestionsPerAttempt, seed: 2000);
        }

        var learner = new Learner
        {
            Key = new LearnerKey(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()),
            Language = "fr",
            FirstSeen = Start,
            LastActive = now,
            TimeZone = "Europe/Brussels",
            DisplayName = new string('N', 64),
            Progress = progress,
            BadgeSharedInTeams = [.. Enumerable.Range(0, 5).Select(t => $"19:{Guid.NewGuid():N}@thread.tacv2")],
        };
        learner = learner with { Language = "de", LanguageChosen = true };
        for (var day = 0; day < 100; day++)
        {
            var module = _course.Modules[day % _course.Modules.Count];
            learner = learner.WithReviewAnswer(new ReviewAnswer(module.Id, module.Questions[day % module.Questions.Count].Id, day % 3 == 0, now.AddDays(day)), spacedReview: true);
        }

        Assert.True(progress.Module(first.Id).Passed);
        Assert.Equal(102, progress.Module(first.Id).AttemptCount);
        var size = await StoredRowSizeAsync(learner, FullClaims(now));
        output.WriteLine($"the row of a learner who did everything, with the claims of the last turns: {size} bytes");
        Assert.True(size < LargestRow, $"the row is {size} bytes");
    }

    [Fact]
    public async Task Row_OfALearnerWhoFailedEveryQuizOnce_ThenFinished_StaysUnder4KB()
    {
        // 7.2 KB as text (schema 2): each module's earlier attempt folds into one record per question drawn.
        var progress = CourseProgress.Empty;
        var now = Start;
        foreach (var module in _course.Modules.Append(_course.FinalCase!))
        {
            progress = WalkLesson(module, progress);
            (progress, now) = TakeQuiz(module, progress, now, right: module.IsCase ? 1 : 5, seed: 1000);
            (progress, now) = TakeQuiz(module, progress, now, right: module.IsCase ? module.Questions.Count : _course.QuestionsPerAttempt, seed: 2000);
        }

        var learner = new Learner { Key = new LearnerKey(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()), Language = "nl", FirstSeen = Start, LastActive = now, TimeZone = "Europe/Brussels", DisplayName = "An Peeters", Progress = progress };

        var size = await StoredRowSizeAsync(learner);
        output.WriteLine($"the row of a learner who failed every quiz once, then finished: {size} bytes");
        Assert.True(progress.Modules.Values.All(m => m.Passed && m.AttemptCount == 2));
        Assert.True(size < 4 * 1024, $"the row is {size} bytes");
    }

    [Fact]
    public async Task Row_OfALearnerWhoPassedEveryModuleFirstTime_StaysUnder4KB()
    {
        var progress = CourseProgress.Empty;
        var now = Start;
        foreach (var module in _course.Modules)
        {
            progress = WalkLesson(module, progress);
            (progress, now) = TakeQuiz(module, progress, now, right: _course.QuestionsPerAttempt, seed: 7);
        }

        var learner = new Learner { Key = new LearnerKey(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()), Language = "nl", FirstSeen = Start, LastActive = now, DisplayName = "An Peeters", Progress = progress };

        var size = await StoredRowSizeAsync(learner);
        output.WriteLine($"the row of a learner who passed every module first time: {size} bytes");
        Assert.True(size < 4 * 1024, $"the row is {size} bytes");
    }

    private static CourseProgress WalkLesson(Module module, CourseProgress progress) =>
        progress.With(progress.Module(module.Id) with { FurthestStep = module.Steps.Count - 1, LessonCompleted = true })
            with { Current = new Position(module.Id, PositionKind.Lesson, module.Steps.Count) };

    private (CourseProgress Progress, DateTimeOffset Now) TakeQuiz(Module module, CourseProgress progress, DateTimeOffset now, int right, int seed)
    {
        progress = Journey.StartQuiz(_course, progress, module.Id, now, seed).Progress;
        var attempt = progress.Module(module.Id).OpenAttempt!;
        for (var i = 0; i < attempt.QuestionIds.Count; i++)
        {
            var question = module.FindQuestion(attempt.QuestionIds[i])!;
            now = now.AddSeconds(i % 4 == 3 ? 300 : 20);
            var choice = i < right ? question.Correct : question.Choices.First(c => c != question.Correct);
            progress = Journey.Answer(_course, progress, module.Id, attempt.Number, question.Id, choice, now).Progress;
        }

        return (progress, now.AddMinutes(10));
    }

    /// <summary>
    /// As many activity claims as a row keeps, the newest with an answer larger than any card: every step of the longest
    /// module, in German, as text blocks.
    /// </summary>
    private RecentClaims FullClaims(DateTimeOffset now)
    {
        var longest = _course.Modules.MaxBy(m => m.Texts["de"].Steps.Values.Sum(t => t.Body.Length))!.Texts["de"];
        var blocks = new System.Text.Json.Nodes.JsonArray([.. longest.Steps.Values.SelectMany(t => new[] { t.Title, t.Body })
            .Select(text => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true })]);
        var answer = new System.Text.Json.Nodes.JsonObject { ["status"] = 200, ["body"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard", ["body"] = blocks } }.ToJsonString();
        var claims = RecentClaims.None;
        for (var i = 0; i < RecentClaims.MaxEntries + 2; i++)
        {
            var key = new ActivityClaimKey("tenant", $"a:{Guid.NewGuid():N}", $"1:{Guid.NewGuid():N}");
            claims = claims.With(new ActivityClaim(key, Guid.NewGuid().ToString("N"), now.AddSeconds(i), now.AddSeconds(i + 45), Done: true, Answer: answer));
        }

        output.WriteLine($"the newest claim's answer: {answer.Length} characters");
        return claims;
    }

    /// <summary>Writes the learner to a real Azurite table and measures the stored row as the benchmark does.</summary>
    private static async Task<int> StoredRowSizeAsync(Learner learner, RecentClaims? claims = null)
    {
        var azurite = await Azurite.GetAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("learners" + Azurite.NewTablePrefix());
        await table.CreateIfNotExistsAsync();
        await new TableLearnerStore(table).InsertAsync(learner, claims ?? RecentClaims.None, CancellationToken.None);
        var row = (await table.GetEntityAsync<TableEntity>(TableKeys.Id(learner.Key.TenantId), TableKeys.Id(learner.Key.UserId))).Value;
        return StoredRowSize.Of(row);
    }
}
