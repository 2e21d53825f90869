using Azure.Data.Tables;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Storage.Tests.Learners;

/// <summary>
/// Rows written by earlier versions still load: schema 1 (every quiz attempt kept, answers as objects), compacted; schema
/// 2 (the JSON as text in <c>State</c>). The next change writes them in the current shape (compressed in <c>StateBr</c>).
/// </summary>
public sealed class OldShapeLearnerRowTests
{
    private const string Tenant = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
    private const string User = "2d9b4bd6-9f4c-4b4f-8f21-2a6f8f3a1c11";

    /// <summary>As schema 1 wrote it: two attempts on one module (failed, then passed) and a review answer.</summary>
    private const string StoredState = """
        {"key":{"tenantId":"6babcaad-604b-40ac-a9d7-9fd97c0b779f","userId":"2d9b4bd6-9f4c-4b4f-8f21-2a6f8f3a1c11"},"language":"fr","languageChosen":false,"timeZone":"Europe/Brussels","firstSeen":"2026-11-01T09:00:00+00:00","lastActive":"2026-11-02T09:30:00+00:00","displayName":"Old Row","progress":{"modules":{"digital-divide":{"moduleId":"digital-divide","furthestStep":5,"lessonCompleted":true,"attempts":[{"number":1,"questionIds":["four-in-ten","three-levels","no-labels"],"answers":[{"questionId":"four-in-ten","choiceId":"a","correct":false,"at":"2026-11-01T09:01:00+00:00"},{"questionId":"three-levels","choiceId":"b","correct":true,"at":"2026-11-01T09:02:00+00:00"},{"questionId":"no-labels","choiceId":"c","correct":false,"at":"2026-11-01T09:03:00+00:00"}],"startedAt":"2026-11-01T09:00:00+00:00","finishedAt":"2026-11-01T09:03:00+00:00","contentVersion":"abc123","passed":false},{"number":2,"questionIds":["offline-stays","four-in-ten","no-labels"],"answers":[{"questionId":"offline-stays","choiceId":"a","correct":true,"at":"2026-11-02T09:01:00+00:00"},{"questionId":"four-in-ten","choiceId":"b","correct":true,"at":"2026-11-02T09:02:00+00:00"},{"questionId":"no-labels","choiceId":"a","correct":true,"at":"2026-11-02T09:03:00+00:00"}],"startedAt":"2026-11-02T09:00:00+00:00","finishedAt":"2026-11-02T09:03:00+00:00","contentVersion":"abc123","passed":true}]}},"current":{"moduleId":"digital-divide","kind":"Quiz","index":2}},"badgeSharedInTeams":[],"reviewAnswers":[{"moduleId":"digital-divide","questionId":"no-labels","correct":true,"at":"2026-11-02T09:20:00+00:00"}],"reminders":{"off":false,"spacedReviewsSent":{"digital-divide":1},"reviewDue":{}}}
        """;

    [Fact]
    public async Task RowOfSchema1_Loads_WithItsEarlierAttemptsFolded_AndIsWrittenBackInTheNewShape()
    {
        var azurite = await Azurite.GetAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("learners" + Azurite.NewTablePrefix());
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(Tenant, User) { ["SchemaVersion"] = 1, ["Language"] = "fr", ["LastActive"] = DateTimeOffset.Parse("2026-11-02T09:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture), ["State"] = StoredState });
        var store = new TableLearnerStore(table);
        var key = new LearnerKey(Tenant, User);

        var read = (await store.FindAsync(key, CancellationToken.None))!;
        var module = read.Value.Progress.Module("digital-divide");

        Assert.Equal(2, module.AttemptCount);
        Assert.Equal(2, module.Attempts.Single().Number);
        Assert.Equal("no-labels", module.Attempts.Single().Answers[2].QuestionId);
        Assert.True(module.Passed);
        Assert.Equal(DateTimeOffset.Parse("2026-11-02T09:03:00+00:00", System.Globalization.CultureInfo.InvariantCulture), module.PassedAt);
        Assert.Equal(1m, module.BestScore);
        Assert.Equal("a", module.Earlier.Questions["four-in-ten"].FirstChoice); // the first-attempt answer, for item analysis
        Assert.False(module.Earlier.Questions["four-in-ten"].FirstCorrect);
        Assert.Equal(1, module.Earlier.Questions["three-levels"].LastDrawn);
        Assert.Equal("no-labels", Assert.Single(read.Value.ReviewAnswers).QuestionId);

        await store.ReplaceAsync(read.Value with { LastActive = read.Value.LastActive.AddDays(1) }, read.ETag, read.Claims, CancellationToken.None);
        var rewritten = (await table.GetEntityAsync<TableEntity>(Tenant, User)).Value;
        Assert.Equal(TableLearnerStore.SchemaVersion, rewritten.GetInt32("SchemaVersion"));
        Assert.False(rewritten.ContainsKey("State"));
        Assert.DoesNotContain("\"questionId\"", CompressedText.Read(rewritten, "State"), StringComparison.Ordinal);
        Assert.Equal(2, (await store.FindAsync(key, CancellationToken.None))!.Value.Progress.Module("digital-divide").AttemptCount);
    }

    [Fact]
    public async Task RowOfSchema2_AsText_Loads_AndIsWrittenBackCompressed_AndSmaller()
    {
        var azurite = await Azurite.GetAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("learners" + Azurite.NewTablePrefix());
        await table.CreateIfNotExistsAsync();
        var store = new TableLearnerStore(table);
        var key = new LearnerKey(Tenant, User);

        // A schema-1 row read once gives the learner; schema 2 stored that learner's JSON as text.
        await table.AddEntityAsync(new TableEntity(Tenant, User) { ["SchemaVersion"] = 1, ["Language"] = "fr", ["LastActive"] = DateTimeOffset.UnixEpoch, ["State"] = StoredState });
        var learner = (await store.FindAsync(key, CancellationToken.None))!.Value;
        var json = System.Text.Json.JsonSerializer.Serialize(learner, StorageJsonContext.Default.Learner);
        await table.UpsertEntityAsync(new TableEntity(Tenant, User) { ["SchemaVersion"] = 2, ["Language"] = "fr", ["LastActive"] = learner.LastActive, ["State"] = json }, TableUpdateMode.Replace);
        var textRow = (await table.GetEntityAsync<TableEntity>(Tenant, User)).Value;

        var read = (await store.FindAsync(key, CancellationToken.None))!;
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(read.Value, StorageJsonContext.Default.Learner));

        await store.ReplaceAsync(read.Value, read.ETag, read.Claims, CancellationToken.None);
        var rewritten = (await table.GetEntityAsync<TableEntity>(Tenant, User)).Value;
        Assert.Equal(3, rewritten.GetInt32("SchemaVersion"));
        Assert.False(rewritten.ContainsKey("State"));
        Assert.Equal(json, CompressedText.Read(rewritten, "State"));
        Assert.True(StoredRowSize.Of(rewritten) < StoredRowSize.Of(textRow), $"{StoredRowSize.Of(rewritten)} bytes compressed, {StoredRowSize.Of(textRow)} as text");
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize((await store.FindAsync(key, CancellationToken.None))!.Value, StorageJsonContext.Default.Learner));
    }
}
