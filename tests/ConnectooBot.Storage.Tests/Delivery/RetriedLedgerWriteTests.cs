using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Storage.Tests.Delivery;

/// <summary>
/// A write that lands in storage but whose answer is lost (a timeout under load) is retried by the storage client; the
/// retry then meets our own row (409 on insert, 412 on replace). The ledger must know it as its own write — else a
/// claim is orphaned, later read as an interrupted send, and the recipient never gets the message.
/// </summary>
public sealed class RetriedLedgerWriteTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Claim_WhoseInsertLandedButWhoseAnswerWasLost_IsStillClaimed_AndCompletes()
    {
        var (ledger, answers) = await LedgerLosingAnswersAsync();
        var run = "run/" + Guid.NewGuid().ToString("N");

        answers.LoseNext(HttpMethod.Post); // the insert of the claim lands; its answer is lost; the client retries
        var claim = Assert.IsType<DeliveryClaimResult.Claimed>(await ledger.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None)).Claim;
        Assert.Equal(1, answers.Lost);

        answers.LoseNext(HttpMethod.Put); // the outcome lands; its answer is lost; the retry meets a changed ETag
        Assert.True(await ledger.CompleteAsync(claim, DeliveryOutcome.Sent, At.AddSeconds(1), CancellationToken.None));
        Assert.Equal(2, answers.Lost);
        Assert.Equal(DeliveryStatus.Sent, (await ledger.FindAsync(run, "a:1", CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Claim_HeldByAnotherWriter_IsNotMistakenForOurOwn()
    {
        var (ledger, answers) = await LedgerLosingAnswersAsync();
        var run = "run/" + Guid.NewGuid().ToString("N");
        Assert.IsType<DeliveryClaimResult.Claimed>(await ledger.TryClaimAsync(run, "a:1", At, At + Lease, CancellationToken.None));

        answers.LoseNext(HttpMethod.Post);
        Assert.IsType<DeliveryClaimResult.Busy>(await ledger.TryClaimAsync(run, "a:1", At.AddSeconds(1), At.AddSeconds(1) + Lease, CancellationToken.None));
    }

    private static async Task<(TableDeliveryLedger Ledger, LoseAnswerPolicy Answers)> LedgerLosingAnswersAsync()
    {
        var azurite = await Azurite.GetAsync();
        var answers = new LoseAnswerPolicy();
        var options = new TableClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(answers, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("retried" + Azurite.NewTablePrefix());
        await table.CreateIfNotExistsAsync();
        return (new TableDeliveryLedger(table, TimeSpan.FromDays(1)), answers);
    }

    /// <summary>Lets the next request of a method reach storage, then throws as if its answer had timed out.</summary>
    private sealed class LoseAnswerPolicy : HttpPipelinePolicy
    {
        private HttpMethod? _armed;

        public int Lost { get; private set; }

        public void LoseNext(HttpMethod method) => _armed = method;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (_armed is { } method && message.Request.Method.Method == method.Method)
            {
                _armed = null;
                Lost++;
                throw new IOException("The answer was lost (simulated network timeout).");
            }
        }
    }
}
