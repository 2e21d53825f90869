using System.Collections.Concurrent;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Teams;

/// <summary>
/// Keeps the conversation reference of every conversation the bot hears from (Company Communicator's
/// TeamsDataCapture idea): stored on install, refreshed when the serviceUrl changes or the conversation was inactive,
/// marked inactive on uninstall. A process-wide memory of what was last written spares a storage write per turn.
/// </summary>
internal sealed class ConversationCaptureMiddleware(IConversationStore store, TimeProvider time) : ITurnMiddleware
{
    /// <summary>Forgets that a conversation was written (after it was erased), so the next turn stores it again.</summary>
    public void Forget(string tenantId, string conversationId) => _written.TryRemove((tenantId, conversationId), out _);

    private readonly ConcurrentDictionary<(string Tenant, string Conversation), (string ServiceUrl, bool Active)> _written = new();

    public async Task OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turn.Activity;
        var tenant = activity.TenantId;
        var conversation = TeamsActivity.BareConversationId(activity);
        if (string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(conversation) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            await next(cancellationToken);
            return;
        }

        if (IsUninstall(activity))
        {
            await store.MarkInactiveAsync(tenant, conversation, "uninstalled", time.GetUtcNow(), cancellationToken);
            _written[(tenant, conversation)] = (activity.ServiceUrl, false);
        }
        else if (!_written.TryGetValue((tenant, conversation), out var last) || !last.Active
            || !string.Equals(last.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            await store.UpsertAsync(RecordOf(activity, tenant, conversation), cancellationToken);
            _written[(tenant, conversation)] = (activity.ServiceUrl, true);
        }

        await next(cancellationToken);
    }

    /// <summary>Called when Teams says the conversation is gone (blocked, uninstalled, not found).</summary>
    public async Task MarkGoneAsync(string tenant, string conversation, string serviceUrl, string reason, CancellationToken cancellationToken)
    {
        await store.MarkInactiveAsync(tenant, conversation, reason, time.GetUtcNow(), cancellationToken);
        _written[(tenant, conversation)] = (serviceUrl, false);
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
