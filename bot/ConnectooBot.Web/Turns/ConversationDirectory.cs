using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Caching.Memory;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The conversations the bot can write to (Company Communicator's TeamsDataCapture idea): stored on install,
/// refreshed when the serviceUrl changes or the conversation was inactive, marked inactive on uninstall or when Teams
/// says it is gone — by a turn or by the delivery worker, through the same <see cref="MarkInactiveAsync"/>. A
/// process-wide memory of what was last written spares a storage write per turn; it is bounded
/// (<see cref="RememberedConversations"/> most recently written, an hour each), so memory does not grow with the
/// number of learners: a conversation forgotten here costs one more write on its next turn, nothing else.
/// A conversation whose serviceUrl Teams refused as the wrong cloud (403 InvalidBotApiHost) stays marked while its
/// turns keep coming with that same serviceUrl (they cannot be answered there either); a new serviceUrl clears it.
/// </summary>
public sealed class ConversationDirectory(IConversationStore store, TimeProvider time) : IDisposable
{
    public const int RememberedConversations = 20_000;

    /// <summary>The inactive reason of a conversation whose serviceUrl Teams refused (403 InvalidBotApiHost).</summary>
    public const string WrongServiceHost = "InvalidBotApiHost";
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);
    private readonly MemoryCache _written = new(new MemoryCacheOptions { SizeLimit = RememberedConversations, Clock = new TimeProviderClock(time) });

    /// <summary>How many conversations are remembered now (at most <see cref="RememberedConversations"/>, give or take a compaction).</summary>
    public int RememberedCount => _written.Count;

    /// <summary>Keeps the conversation of this activity (or marks it inactive on an uninstall); writes only what changed.</summary>
    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tenant = activity.TenantId;
        var conversation = TeamsActivity.BareConversationId(activity);
        if (string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(conversation) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }

        if (IsUninstall(activity))
        {
            await MarkInactiveAsync(tenant, conversation, activity.ServiceUrl, "uninstalled", cancellationToken);
        }
        else if (!_written.TryGetValue((tenant, conversation), out Written? last) || last is null
            || !string.Equals(last.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            || (!last.Active && last.Reason != WrongServiceHost))
        {
            await store.UpsertAsync(RecordOf(activity, tenant, conversation), cancellationToken);
            Remember(tenant, conversation, activity.ServiceUrl, active: true, reason: null);
        }
    }

    /// <summary>The conversation is gone (uninstalled, blocked, not found): no more sends until the bot hears from it again.</summary>
    public async Task MarkInactiveAsync(string tenant, string conversation, string serviceUrl, string reason, CancellationToken cancellationToken)
    {
        await store.MarkInactiveAsync(tenant, conversation, reason, time.GetUtcNow(), cancellationToken);
        Remember(tenant, conversation, serviceUrl, active: false, reason);
    }

    /// <summary>
    /// Teams refused this serviceUrl for the conversation (403 InvalidBotApiHost): marks the conversation inactive
    /// with that reason, once. Returns false when this instance had already marked it for the same serviceUrl (the
    /// caller then stays quiet: one warning per conversation, not one per turn).
    /// </summary>
    public async Task<bool> MarkWrongServiceHostAsync(string tenant, string conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        if (_written.TryGetValue((tenant, conversation), out Written? last) && last is { Active: false, Reason: WrongServiceHost }
            && string.Equals(last.ServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        await MarkInactiveAsync(tenant, conversation, serviceUrl, WrongServiceHost, cancellationToken);
        return true;
    }

    /// <summary>Forgets that a conversation was written (after it was erased), so the next turn stores it again.</summary>
    public void Forget(string tenantId, string conversationId) => _written.Remove((tenantId, conversationId));

    public void Dispose() => _written.Dispose();

    private void Remember(string tenant, string conversation, string serviceUrl, bool active, string? reason) =>
        _written.Set((tenant, conversation), new Written(serviceUrl, active, reason), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Remembered });

    private sealed record Written(string ServiceUrl, bool Active, string? Reason);

    /// <summary>The cache's clock from the injected <see cref="TimeProvider"/>.</summary>
    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }

    private static bool IsUninstall(Activity activity) =>
        (ActivityTypes.Is(activity.Type, ActivityTypes.InstallationUpdate) && string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase))
        || (ActivityTypes.Is(activity.Type, ActivityTypes.ConversationUpdate) && TeamsActivity.BotWasRemoved(activity));

    private ConversationRecord RecordOf(Activity activity, string tenant, string conversation)
    {
        var kind = TeamsActivity.KindOf(activity);
        return new ConversationRecord
        {
            TenantId = tenant,
            ConversationId = conversation,
            Kind = kind,
            ServiceUrl = activity.ServiceUrl!,
            BotId = activity.Recipient?.Id,
            UserId = kind == ConversationKind.Personal ? activity.From?.AadObjectId : null,
            UserAccountId = kind == ConversationKind.Personal ? activity.From?.Id : null,
            TeamId = activity.ChannelData?.Team?.Id,
            ChannelId = kind == ConversationKind.Channel ? activity.ChannelData?.Channel?.Id ?? conversation : null,
            Locale = TeamsActivity.LocaleOf(activity),
            Active = true,
            UpdatedAt = time.GetUtcNow(),
        };
    }
}
