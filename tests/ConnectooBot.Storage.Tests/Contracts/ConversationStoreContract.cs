using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IConversationStore"/> must do; run against each backend by a subclass.</summary>
public abstract class ConversationStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IConversationStore> CreateStoreAsync();

    private static ConversationRecord Record(string tenant, string conversation, string serviceUrl = "https://smba.trafficmanager.net/emea/") => new()
    {
        TenantId = tenant,
        ConversationId = conversation,
        Kind = ConversationKind.Personal,
        ServiceUrl = serviceUrl,
        UserId = "11111111-2222-3333-4444-555555555555",
        UserAccountId = "29:1AbC",
        Locale = "fr-BE",
        UpdatedAt = At,
    };

    [Theory]
    [InlineData("a:1XyZ-personal")]
    [InlineData("19:abc@thread.tacv2;messageid=1712345600000")]
    [InlineData("odd/id#with?chars\\and ünïcödé")]
    public async Task Upsert_ThenFind_RoundTripsAwkwardIds(string conversation)
    {
        var store = await CreateStoreAsync();
        var tenant = Guid.NewGuid().ToString();

        await store.UpsertAsync(Record(tenant, conversation), CancellationToken.None);

        var found = await store.FindAsync(tenant, conversation, CancellationToken.None);
        Assert.Equal(Record(tenant, conversation), found);
    }

    [Fact]
    public async Task Upsert_Again_RefreshesTheServiceUrl()
    {
        var store = await CreateStoreAsync();
        var tenant = Guid.NewGuid().ToString();
        await store.UpsertAsync(Record(tenant, "a:1"), CancellationToken.None);

        await store.UpsertAsync(Record(tenant, "a:1", "https://smba.trafficmanager.net/amer/"), CancellationToken.None);

        Assert.Equal("https://smba.trafficmanager.net/amer/", (await store.FindAsync(tenant, "a:1", CancellationToken.None))!.ServiceUrl);
    }

    [Fact]
    public async Task MarkInactive_KeepsTheReferenceWithTheReason()
    {
        var store = await CreateStoreAsync();
        var tenant = Guid.NewGuid().ToString();
        await store.UpsertAsync(Record(tenant, "a:1"), CancellationToken.None);

        await store.MarkInactiveAsync(tenant, "a:1", "BlockedByUser", At.AddHours(1), CancellationToken.None);

        var found = (await store.FindAsync(tenant, "a:1", CancellationToken.None))!;
        Assert.False(found.Active);
        Assert.Equal("BlockedByUser", found.InactiveReason);
        Assert.Equal("https://smba.trafficmanager.net/emea/", found.ServiceUrl);
    }

    [Fact]
    public async Task MarkInactive_Unknown_IsIgnored()
    {
        var store = await CreateStoreAsync();

        await store.MarkInactiveAsync(Guid.NewGuid().ToString(), "a:none", "uninstalled", At, CancellationToken.None);

        Assert.Null(await store.FindAsync("x", "a:none", CancellationToken.None));
    }

    [Fact]
    public async Task List_ReturnsOnlyThatTenant()
    {
        var store = await CreateStoreAsync();
        var (tenant, other) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await store.UpsertAsync(Record(tenant, "a:1"), CancellationToken.None);
        await store.UpsertAsync(Record(tenant, "19:c@thread.tacv2"), CancellationToken.None);
        await store.UpsertAsync(Record(other, "a:2"), CancellationToken.None);

        var listed = new List<ConversationRecord>();
        await foreach (var record in store.ListAsync(tenant, CancellationToken.None))
        {
            listed.Add(record);
        }

        Assert.Equal(["19:c@thread.tacv2", "a:1"], listed.Select(r => r.ConversationId).Order(StringComparer.Ordinal));
    }
}
