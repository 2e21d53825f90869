using ConnectooBot.Learning.Delivery;
using ConnectooBot.Web.Delivery;

namespace ConnectooBot.Web.Delivery;

/// <summary>The delivery pipeline's log lines (EventIds 3500–3599): message ids, counts and reasons, never content or names.</summary>
internal static partial class Log
{
    [LoggerMessage(3501, LogLevel.Information, "Delivery worker started ({RequestsPerSecond} requests/s per tenant, {Concurrency} messages at a time)")]
    public static partial void DeliveryWorkerStarted(ILogger logger, int requestsPerSecond, int concurrency);

    [LoggerMessage(3502, LogLevel.Information, "Delivery worker stopping; waiting up to {Grace} for {Count} in-flight messages")]
    public static partial void DeliveryWorkerDraining(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(3503, LogLevel.Warning, "Could not receive delivery messages; retrying after the poll interval")]
    public static partial void DeliveryReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(3504, LogLevel.Error, "Delivery message {MessageId} failed mid-way; it reappears after its visibility timeout")]
    public static partial void DeliveryProcessingFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(3505, LogLevel.Debug, "Delivery message {MessageId} deferred until {RetryAt} (tenant paused or busy)")]
    public static partial void DeliveryDeferred(ILogger logger, string messageId, DateTimeOffset retryAt);

    [LoggerMessage(3506, LogLevel.Information, "Delivery message {MessageId} already has a final outcome ({Status}); deleted without sending")]
    public static partial void DeliveryAlreadyFinal(ILogger logger, string messageId, DeliveryStatus status);

    [LoggerMessage(3507, LogLevel.Debug, "Delivery message {MessageId}: another worker holds the claim until {LeaseUntil}")]
    public static partial void DeliveryBusy(ILogger logger, string messageId, DateTimeOffset leaseUntil);

    [LoggerMessage(3508, LogLevel.Warning, "Delivery message {MessageId} was interrupted mid-send (claim without outcome); policy {Policy}")]
    public static partial void DeliveryInterrupted(ILogger logger, string messageId, InterruptedDeliveryPolicy policy);

    [LoggerMessage(3509, LogLevel.Information, "Teams throttled a tenant (429, retry after {RetryAfter}); its sends pause for {Pause}")]
    public static partial void TenantThrottled(ILogger logger, TimeSpan pause, TimeSpan retryAfter);

    [LoggerMessage(3510, LogLevel.Information, "Delivery message {MessageId} attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void DeliveryRetrying(ILogger logger, string messageId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(3511, LogLevel.Warning, "Delivery message {MessageId} failed {Attempt} attempts; parked in the poison queue")]
    public static partial void DeliveryParked(ILogger logger, string messageId, int attempt);

    [LoggerMessage(3512, LogLevel.Warning, "Delivery message {MessageId}: the claim was taken over before the outcome ({Status}) was recorded")]
    public static partial void DeliveryClaimLost(ILogger logger, string messageId, DeliveryStatus status);

    [LoggerMessage(3513, LogLevel.Information, "Purged {Count} expired delivery runs from the ledger")]
    public static partial void DeliveryRunsPurged(ILogger logger, int count);

    [LoggerMessage(3515, LogLevel.Information, "Delivery message {MessageId} dropped unsent: its personal chat was erased")]
    public static partial void DeliveryRecipientErased(ILogger logger, string messageId);

    [LoggerMessage(3516, LogLevel.Warning, "Delivery message {MessageId}: Teams refused the conversation's serviceUrl as the wrong cloud (InvalidBotApiHost); the conversation is marked inactive and its further messages are skipped")]
    public static partial void DeliveryWrongServiceHost(ILogger logger, string messageId);

    [LoggerMessage(3517, LogLevel.Information, "Delivery progress: {Messages} messages handled in {Seconds:0.0} s with {TableRequests} table and {QueueRequests} queue requests ({PerMessage:0.00} storage requests per message)")]
    public static partial void DeliveryProgress(ILogger logger, long messages, double seconds, long tableRequests, long queueRequests, double perMessage);

    [LoggerMessage(3514, LogLevel.Warning, "Purging expired delivery runs failed; trying again at the next interval")]
    public static partial void DeliveryPurgeFailed(ILogger logger, Exception exception);
}
