using System.Text.Json;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Web.Delivery;

/// <summary>One proactive message for the delivery pipeline: who gets it, where, and what.</summary>
public sealed record OutgoingMessage(string RecipientKey, string TenantId, string ServiceUrl, string ConversationId, Activity Activity);

/// <summary>
/// Hands proactive messages to the delivery pipeline as one run: the run is opened in the ledger with every recipient
/// planned, held-back recipients are recorded as skipped (with the reason), and the rest are queued for the workers,
/// which send them within Teams' limits and record each outcome.
/// </summary>
public sealed class ProactiveOutbox(IDeliveryQueue queue, IDeliveryLedger ledger, TimeProvider time)
{
    public async Task SendRunAsync(
        string runId,
        string kind,
        string? tenantId,
        IReadOnlyList<OutgoingMessage> messages,
        IReadOnlyList<(string RecipientKey, string Reason)> held,
        CancellationToken cancellationToken)
    {
        if (messages.Count + held.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await ledger.StartRunAsync(new DeliveryRun(runId, kind, tenantId, now, messages.Count + held.Count), cancellationToken);
        foreach (var (recipient, reason) in held)
        {
            await ledger.RecordAsync(runId, recipient, DeliveryOutcome.Skipped(reason), now, cancellationToken);
        }

        if (messages.Count > 0)
        {
            await queue.EnqueueAsync(
                [.. messages.Select(m => new DeliveryItem(runId, m.RecipientKey, m.TenantId, m.ServiceUrl, m.ConversationId, kind, JsonSerializer.Serialize(m.Activity, ProtocolJsonContext.Default.Activity), now))],
                cancellationToken);
        }
    }
}
