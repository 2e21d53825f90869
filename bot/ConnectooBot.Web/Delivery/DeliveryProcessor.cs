using System.Text.Json;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Options;

using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// Delivers one received message, at most once per (run, recipient):
/// <list type="number">
/// <item>look up the conversation: erased → drop; marked inactive since it was queued → record skipped;</item>
/// <item>wait for the tenant's turn (rate limit, 429 pause) — or give the message back if it would come too late;</item>
/// <item>claim the recipient in the ledger (ETag): already final → delete; claimed by a live worker → give back;
/// an expired claim without outcome → <see cref="DeliveryOptions.Interrupted"/>;</item>
/// <item>send (after <see cref="TenantGate.WaitToPostAsync"/>, which only waits if storage latency bunched the POSTs);
/// record the outcome under the claim; delete the message.</item>
/// </list>
/// The turn comes after the look-up and right before the claim, so only the claim's one write sits between a granted
/// slot and its POST (sends stay evenly spaced), and a claim is written only when its send can follow at once (a
/// crash leaves at most the sends of that instant without an outcome).
/// Writes after a send use <see cref="CancellationToken.None"/>: shutting down must not drop an outcome.
/// </summary>
internal sealed class DeliveryProcessor(
    IDeliveryInbox inbox,
    IDeliveryLedger ledger,
    IConnectorClient connector,
    IConversationStore conversations,
    ConversationDirectory directory,
    TenantGate gate,
    DeliveryMetrics metrics,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryProcessor> logger)
{
    private static readonly CancellationToken Always = CancellationToken.None;

    /// <param name="receivedAt">When the message was received (its visibility window started).</param>
    /// <param name="sending">Cancelled only when shutdown's grace period is over.</param>
    public async Task ProcessAsync(DeliveryMessage message, DateTimeOffset receivedAt, CancellationToken sending)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var item = message.Item;
        if (message.Attempt > settings.MaxAttempts)
        {
            // Received again after the last attempt (the worker died before parking it): park it now.
            if (await ClaimAsync(message) is { } last)
            {
                await ParkAsync(message, last);
            }

            return;
        }

        switch (await ConversationStateAsync(item))
        {
            case ConversationState.Erased:
                // The learner erased their data after this was queued: send nothing, record nothing about them.
                Log.DeliveryRecipientErased(logger, message.MessageId);
                await inbox.DeleteAsync(message, Always);
                return;
            case ConversationState.Inactive:
                // Marked inactive after this was queued (blocked, uninstalled, wrong cloud): no send until it is back.
                if (await ClaimAsync(message) is { } skipped)
                {
                    await FinishAsync(message, skipped, DeliveryOutcome.Skipped(DeliveryReasons.Inactive));
                }

                return;
        }

        TenantTurn turn;
        try
        {
            turn = await gate.WaitTurnAsync(item.TenantId, receivedAt + settings.VisibilityTimeout - settings.ClaimDuration, sending);
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            await inbox.ReturnAsync(message, TimeSpan.Zero, deferral: true, Always);
            return;
        }

        if (!turn.Granted)
        {
            Log.DeliveryDeferred(logger, message.MessageId, turn.RetryAt);
            await inbox.ReturnAsync(message, turn.RetryAt - time.GetUtcNow(), deferral: true, Always);
            return;
        }

        if (await ClaimAsync(message) is { } claim)
        {
            await SendAsync(message, claim, sending);
        }
    }

    /// <summary>
    /// Personal messages (reminders, reviews) whose chat reference is gone were erased by "delete my data" (uninstalls
    /// only mark it inactive); any message to a conversation marked inactive is not sent.
    /// </summary>
    private async Task<ConversationState> ConversationStateAsync(DeliveryItem item)
    {
        var record = await conversations.FindAsync(item.TenantId, item.ConversationId, Always);
        return record switch
        {
            null when item.Kind is DeliveryKinds.Reminder or DeliveryKinds.Review => ConversationState.Erased,
            { Active: false } => ConversationState.Inactive,
            _ => ConversationState.Reachable,
        };
    }

    /// <summary>
    /// The claim to send under, or null when the message was dealt with here. Not cancellable: a claim written but
    /// never answered would later read as an interrupted send (the storage client's own timeouts bound it).
    /// </summary>
    private async Task<DeliveryClaim?> ClaimAsync(DeliveryMessage message)
    {
        var item = message.Item;
        var now = time.GetUtcNow();
        var result = await ledger.TryClaimAsync(item.RunId, item.RecipientKey, now, now + options.Value.ClaimDuration, Always);
        switch (result)
        {
            case DeliveryClaimResult.Claimed claimed:
                return claimed.Claim;
            case DeliveryClaimResult.AlreadyFinal final:
                Log.DeliveryAlreadyFinal(logger, message.MessageId, final.Outcome.Status);
                await inbox.DeleteAsync(message, Always);
                return null;
            case DeliveryClaimResult.Busy busy:
                Log.DeliveryBusy(logger, message.MessageId, busy.LeaseUntil);
                await inbox.ReturnAsync(message, busy.LeaseUntil - now, deferral: true, Always);
                return null;
            case DeliveryClaimResult.TakenOver takenOver when options.Value.Interrupted == InterruptedDeliveryPolicy.Resend:
                Log.DeliveryInterrupted(logger, message.MessageId, InterruptedDeliveryPolicy.Resend);
                return takenOver.Claim;
            case DeliveryClaimResult.TakenOver takenOver:
                Log.DeliveryInterrupted(logger, message.MessageId, InterruptedDeliveryPolicy.RecordFailed);
                await FinishAsync(message, takenOver.Claim, DeliveryOutcome.Failed(DeliveryReasons.Interrupted));
                return null;
            default:
                throw new InvalidOperationException($"Unexpected claim result {result}.");
        }
    }

    private async Task SendAsync(DeliveryMessage message, DeliveryClaim claim, CancellationToken sending)
    {
        var item = message.Item;
        if (ReadActivity(item.Payload) is not { } activity)
        {
            await FinishAsync(message, claim, DeliveryOutcome.Failed(DeliveryReasons.InvalidPayload));
            return;
        }

        try
        {
            await gate.WaitToPostAsync(item.TenantId, sending);
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            // Shutdown's grace ended before the send started: nothing went out, give it back untouched.
            await ledger.ReleaseAsync(claim, time.GetUtcNow(), Always);
            await inbox.ReturnAsync(message, TimeSpan.Zero, deferral: true, Always);
            return;
        }

        using var timeout = new CancellationTokenSource(options.Value.SendTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(sending, timeout.Token);
        try
        {
            await connector.SendToConversationAsync(item.ServiceUrl, item.ConversationId, activity, linked.Token);
        }
        catch (ConnectorException ex) when (ex.StatusCode is >= System.Net.HttpStatusCode.OK and < System.Net.HttpStatusCode.MultipleChoices)
        {
            // Accepted, with an answer we could not read: it was sent.
        }
        catch (ConnectorException ex)
        {
            await FailedAsync(message, claim, ex);
            return;
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            await InterruptedAsync(message, claim);
            return;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
        {
            await RetryOrParkAsync(message, claim, ex is OperationCanceledException ? "timeout" : "network");
            return;
        }

        await FinishAsync(message, claim, DeliveryOutcome.Sent);
    }

    private async Task FailedAsync(DeliveryMessage message, DeliveryClaim claim, ConnectorException failure)
    {
        var item = message.Item;
        var reason = DeliveryFailures.Reason(failure.Failure);
        switch (DeliveryFailures.Classify(failure.Failure))
        {
            case DeliveryFailureKind.Throttled:
                var retryAfter = failure.RetryAfter is { } given && given > TimeSpan.Zero ? given : options.Value.DefaultThrottlePause;
                var pausedUntil = gate.Throttled(item.TenantId, retryAfter);
                metrics.Throttled(Kind(item));
                Log.TenantThrottled(logger, pausedUntil - time.GetUtcNow(), retryAfter);
                await ledger.ReleaseAsync(claim, time.GetUtcNow(), Always);
                await inbox.ReturnAsync(message, retryAfter, deferral: true, Always);
                return;
            case DeliveryFailureKind.ConversationGone:
                await FinishAsync(message, claim, DeliveryOutcome.Failed(reason), deleteMessage: false);
                try
                {
                    if (!failure.Failure.MeansWrongServiceHost())
                    {
                        await directory.MarkInactiveAsync(item.TenantId, item.ConversationId, item.ServiceUrl, failure.Failure.ToString(), Always);
                    }
                    else if (await directory.MarkWrongServiceHostAsync(item.TenantId, item.ConversationId, item.ServiceUrl, Always))
                    {
                        Log.DeliveryWrongServiceHost(logger, message.MessageId);
                    }
                }
                finally
                {
                    await inbox.DeleteAsync(message, Always);
                }

                return;
            case DeliveryFailureKind.Transient:
                await RetryOrParkAsync(message, claim, reason);
                return;
            default:
                await FinishAsync(message, claim, DeliveryOutcome.Failed(reason));
                return;
        }
    }

    private async Task RetryOrParkAsync(DeliveryMessage message, DeliveryClaim claim, string reason)
    {
        var settings = options.Value;
        if (message.Attempt >= settings.MaxAttempts)
        {
            await ParkAsync(message, claim);
            return;
        }

        var delay = DeliveryBackoff.Delay(message.Attempt, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared.NextDouble());
        Log.DeliveryRetrying(logger, message.MessageId, message.Attempt, reason, delay);
        metrics.Retried(Kind(message.Item), reason);
        await ledger.ReleaseAsync(claim, time.GetUtcNow(), Always);
        await inbox.ReturnAsync(message, delay, deferral: false, Always);
    }

    private async Task ParkAsync(DeliveryMessage message, DeliveryClaim claim)
    {
        Log.DeliveryParked(logger, message.MessageId, message.Attempt);
        await FinishAsync(message, claim, DeliveryOutcome.Failed(DeliveryReasons.Poison), deleteMessage: false);
        await inbox.PoisonAsync(message, Always);
    }

    private async Task InterruptedAsync(DeliveryMessage message, DeliveryClaim claim)
    {
        Log.DeliveryInterrupted(logger, message.MessageId, options.Value.Interrupted);
        if (options.Value.Interrupted == InterruptedDeliveryPolicy.Resend)
        {
            await ledger.ReleaseAsync(claim, time.GetUtcNow(), Always);
            await inbox.ReturnAsync(message, TimeSpan.Zero, deferral: true, Always);
            return;
        }

        await FinishAsync(message, claim, DeliveryOutcome.Failed(DeliveryReasons.Interrupted));
    }

    private async Task FinishAsync(DeliveryMessage message, DeliveryClaim claim, DeliveryOutcome outcome, bool deleteMessage = true)
    {
        var kind = Kind(message.Item);
        if (outcome.Status == DeliveryStatus.Sent)
        {
            metrics.Sent(kind);
        }
        else if (outcome.Status == DeliveryStatus.Failed)
        {
            metrics.Failed(kind, outcome.Reason ?? "unknown");
        }

        if (!await ledger.CompleteAsync(claim, outcome, time.GetUtcNow(), Always))
        {
            Log.DeliveryClaimLost(logger, message.MessageId, outcome.Status);
        }

        if (deleteMessage)
        {
            await inbox.DeleteAsync(message, Always);
        }
    }

    private static Activity? ReadActivity(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The kind as a metric tag: the known kinds, anything else as "other" (bounded cardinality).</summary>
    private static string Kind(DeliveryItem item) => item.Kind is DeliveryKinds.ChannelNudge or DeliveryKinds.Reminder or DeliveryKinds.Review ? item.Kind : "other";

    private enum ConversationState
    {
        Reachable,
        Erased,
        Inactive,
    }
}
