using ConnectooBot.Learning.Catalog;
using ConnectooBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Testing.Load;
using Xunit.Abstractions;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Course;

/// <summary>
/// The benchmark's simulated learner, walked through the course against a real Azurite: a click answered in place of
/// the clicked card (next step, answer, next question) costs at most one point read and one write — and no read at all
/// when this instance wrote the learner last (<c>CachedLearnerStore</c>, as here: one instance) — the activity's claim
/// (so a re-delivery to another instance is processed once) travels in the learner's row, with the answer, so the
/// write is one plain replace. A click answered with a new message (open a module, start, continue) sends after its
/// write, so its claim is stored as a lease and completed after the send: at most one read and two writes. A click
/// that changes nothing writes nothing and takes no claim (it has no side effect to repeat), but reads the stored row
/// again (a repeat of a processed click gets the stored answer): two reads. The
/// storage ratio in docs/benchmarks.md rests on this.
/// </summary>
public sealed class WalkStorageCostTests(ITestOutputHelper output) : BotTest(azurite: true)
{
    [Fact]
    public async Task EveryCourseTurn_OfTheBenchmarkWalk_CostsOneReadAndOneWrite_OrTwoWritesWhenItSendsAMessage()
    {
        var learner = new SimulatedLearner(Bot.Activities, seed: 7, Bot.Services.GetRequiredService<Learning.Catalog.Course>(), connector: Bot.Connector);
        await learner.NextTurnAsync(Bot.Client, CancellationToken.None); // install (first contact: 3 requests, pinned elsewhere)
        var perVerb = new Dictionary<string, (int Turns, int Reads, int Writes)>();
        var badgeTurns = 0;

        for (var i = 0; i < 400; i++)
        {
            Bot.StorageRequests.Reset();
            var turn = await learner.NextTurnAsync(Bot.Client, CancellationToken.None);
            var requests = Bot.StorageRequests.Snapshot();
            var reads = requests.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value);
            var writes = requests.Values.Sum() - reads;
            Assert.True(turn.Expected, $"turn {i} ({turn.Kind}) answered {turn.Status}");
            if (turn.Kind == "install")
            {
                continue; // a new identity after a completed course
            }

            if (requests.Keys.Any(k => k.Contains("Badges", StringComparison.Ordinal)))
            {
                badgeTurns++; // the turn that completes the course issues the badge: its own cost, once per course
                continue;
            }

            var inPlace = turn.Kind is "lesson.go" or "quiz.answer" or "quiz.next";
            Assert.True(writes == 0 ? reads <= 2 : reads <= 1 && writes <= (inPlace ? 1 : 2), $"turn {i} ({turn.Kind}): {string.Join(", ", requests.Select(r => $"{r.Key} ×{r.Value}"))}");
            var (turns, r, w) = perVerb.GetValueOrDefault(turn.Kind);
            perVerb[turn.Kind] = (turns + 1, r + reads, w + writes);
        }

        foreach (var (verb, (turns, reads, writes)) in perVerb.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{verb}: {turns} turns, {reads} reads, {writes} writes");
        }

        output.WriteLine($"badge issued: {badgeTurns} turns; identities: {learner.Identities}");
        Assert.InRange(badgeTurns, 1, learner.Identities); // at least one course completed in 400 turns, one badge each
        Assert.Contains("lesson.go", perVerb.Keys);
        Assert.Contains("quiz.answer", perVerb.Keys);
        Assert.Contains("quiz.next", perVerb.Keys);
        Assert.Contains("module.open", perVerb.Keys); // it passes quizzes and moves on
        Assert.Equal(0, perVerb["lesson.go"].Reads + perVerb["quiz.next"].Reads); // one instance: every copy is current
    }

    [Fact]
    public async Task TheCopyInMemory_IsAlwaysWhatStorageHolds_AlongTheWalk()
    {
        // The instance starts each turn from the learner it last wrote, never read back: that copy must be the stored
        // learner (what a read would give, to storage's millisecond) and hold the row's claims, turn after turn, or the
        // rules would judge on something storage lacks.
        var cached = Assert.IsType<Storage.Caching.CachedLearnerStore>(Bot.Services.GetRequiredService<Learning.Ports.ILearnerStore>());
        var names = Bot.Services.GetRequiredService<Storage.Tables.TableNames>();
        var storage = new Storage.Tables.TableLearnerStore(Bot.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(names.Learners));
        var learner = new SimulatedLearner(Bot.Activities, seed: 11, Bot.Services.GetRequiredService<Learning.Catalog.Course>(), connector: Bot.Connector);
        var compared = 0;
        for (var i = 0; i < 300; i++)
        {
            await learner.NextTurnAsync(Bot.Client, CancellationToken.None);
            var key = new Learning.Learners.LearnerKey(TeamsUser.DefaultTenant, learner.User.AadObjectId);
            var inMemory = await cached.FindForUpdateAsync(key, CancellationToken.None);
            var stored = await storage.FindAsync(key, CancellationToken.None);
            if (inMemory is not { FromCache: true } || stored is null)
            {
                continue;
            }

            Assert.Equal(stored.ETag, inMemory.ETag);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(stored.Value), System.Text.Json.JsonSerializer.Serialize(Storage.Tables.TableLearnerStore.AsStored(inMemory.Value)));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(stored.Claims.Entries.Select(c => c with { TakenAt = AsStored(c.TakenAt), LeaseUntil = AsStored(c.LeaseUntil) })), System.Text.Json.JsonSerializer.Serialize(inMemory.Claims.Entries.Select(c => c with { TakenAt = AsStored(c.TakenAt), LeaseUntil = AsStored(c.LeaseUntil) })));
            compared++;
        }

        Assert.True(compared > 250, $"{compared} turns compared");
    }

    private static DateTimeOffset AsStored(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
