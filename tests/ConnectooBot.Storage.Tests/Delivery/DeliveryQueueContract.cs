using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tests.Delivery;

/// <summary>What the delivery queue must do for the worker: visibility, receipts, deferrals, poison.</summary>
public abstract class DeliveryQueueContract
{
    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    protected abstract Task<(IDeliveryQueue Queue, IDeliveryInbox Inbox)> CreateAsync();

    protected static DeliveryItem Item(string recipient, string payload = """{"type":"message","text":"hello"}""") =>
        new("run-1", recipient, "tenant-1", "https://smba.trafficmanager.net/emea/", "a:" + recipient, DeliveryKinds.Reminder, payload, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Receive_HidesTheMessageFromTheNextReceive()
    {
        var (queue, inbox) = await CreateAsync();
        await queue.EnqueueAsync([Item("1")], CancellationToken.None);

        var first = await inbox.ReceiveAsync(32, Hidden, CancellationToken.None);
        var second = await inbox.ReceiveAsync(32, Hidden, CancellationToken.None);

        Assert.Equal(Item("1"), Assert.Single(first).Item);
        Assert.Equal(1, first[0].Attempt);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Return_AsDeferral_ComesBackWithoutCountingAnAttempt()
    {
        var (queue, inbox) = await CreateAsync();
        await queue.EnqueueAsync([Item("1")], CancellationToken.None);
        var first = Assert.Single(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));

        await inbox.ReturnAsync(first, TimeSpan.Zero, deferral: true, CancellationToken.None);
        var deferred = Assert.Single(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
        await inbox.ReturnAsync(deferred, TimeSpan.Zero, deferral: false, CancellationToken.None);
        var retried = Assert.Single(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));

        Assert.Equal((2L, 1, 1), (deferred.DequeueCount, deferred.Deferrals, deferred.Attempt));
        Assert.Equal((3L, 1, 2), (retried.DequeueCount, retried.Deferrals, retried.Attempt));
        Assert.Equal(Item("1"), retried.Item);
    }

    [Fact]
    public async Task Delete_WithAStaleReceipt_LeavesTheMessage()
    {
        var (queue, inbox) = await CreateAsync();
        await queue.EnqueueAsync([Item("1")], CancellationToken.None);
        var stale = Assert.Single(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
        await inbox.ReturnAsync(stale, TimeSpan.Zero, deferral: false, CancellationToken.None);

        await inbox.DeleteAsync(stale, CancellationToken.None);

        var current = Assert.Single(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
        await inbox.DeleteAsync(current, CancellationToken.None);
        await inbox.ReturnAsync(current, TimeSpan.Zero, deferral: false, CancellationToken.None);
        Assert.Empty(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
    }

    [Fact]
    public async Task Poison_MovesTheItemToThePoisonQueue()
    {
        var (queue, inbox) = await CreateAsync();
        await queue.EnqueueAsync([Item("1"), Item("2")], CancellationToken.None);
        var received = await inbox.ReceiveAsync(32, Hidden, CancellationToken.None);

        await inbox.PoisonAsync(received.Single(m => m.Item.RecipientKey == "2"), CancellationToken.None);

        Assert.Equal([Item("2")], await inbox.PeekPoisonAsync(32, CancellationToken.None));
    }

    [Fact]
    public async Task Enqueue_AnItemTooBigForAQueueMessage_Throws()
    {
        var (queue, inbox) = await CreateAsync();
        var huge = Item("1", """{"type":"message","text":""" + "\"" + new string('x', 60_000) + "\"}");

        await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync([Item("2"), huge], CancellationToken.None));

        Assert.Empty(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None)); // all or nothing
    }

    [Fact]
    public async Task Receive_FewerThanWereQueued_HandsOutAtMostWhatWasAskedAndTheRestNext()
    {
        var (queue, inbox) = await CreateAsync();
        await queue.EnqueueAsync([.. Enumerable.Range(1, 5).Select(i => Item($"{i}"))], CancellationToken.None);

        var first = await inbox.ReceiveAsync(2, Hidden, CancellationToken.None);
        var rest = await inbox.ReceiveAsync(32, Hidden, CancellationToken.None);

        Assert.Equal(2, first.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], first.Concat(rest).Select(m => m.Item.RecipientKey).Order());
        Assert.All(first.Concat(rest), m => Assert.Equal(1, m.Attempt));
        Assert.Empty(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
    }

    [Fact]
    public async Task Return_OneOfSeveralQueuedTogether_ComesBackAloneWithItsAttemptCounted()
    {
        var (queue, inbox) = await CreateAsync();
        await queue.EnqueueAsync([Item("1"), Item("2"), Item("3")], CancellationToken.None);
        var received = await inbox.ReceiveAsync(32, Hidden, CancellationToken.None);

        await inbox.ReturnAsync(received.Single(m => m.Item.RecipientKey == "2"), TimeSpan.Zero, deferral: false, CancellationToken.None);
        foreach (var done in received.Where(m => m.Item.RecipientKey != "2"))
        {
            await inbox.DeleteAsync(done, CancellationToken.None);
        }

        var again = Assert.Single(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
        Assert.Equal((Item("2"), 2), (again.Item, again.Attempt));
        await inbox.ReturnAsync(again, TimeSpan.Zero, deferral: true, CancellationToken.None);
        var deferred = Assert.Single(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
        Assert.Equal((3L, 1, 2), (deferred.DequeueCount, deferred.Deferrals, deferred.Attempt));
        await inbox.DeleteAsync(deferred, CancellationToken.None);
        Assert.Empty(await inbox.ReceiveAsync(32, Hidden, CancellationToken.None));
    }
}
