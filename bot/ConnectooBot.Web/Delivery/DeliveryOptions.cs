using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Delivery;

/// <summary>Section <c>Delivery</c>: the delivery worker, its limits and the ledger's retention.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>
    /// Sends per second per tenant (Teams: 50 RPS per app per tenant, teams-protocol.md §5.1). 48 keeps 4 % below the
    /// limit for the jitter between a granted slot and its POST (one ledger write).
    /// </summary>
    [Range(1, 1000)]
    public int RequestsPerSecondPerTenant { get; set; } = 48;

    /// <summary>
    /// Sends a tenant may make at once after being idle. With 1, any one-second window holds at most
    /// <see cref="RequestsPerSecondPerTenant"/> grants (at most rate + burst − 1 in general): 48 against Teams' 50,
    /// so even sends bunched by storage latency stay under it. A large fan-out gains nothing from a burst (a send is
    /// always waiting for the next slot); only an idle tenant's first few messages would go sooner.
    /// </summary>
    [Range(1, 1000)]
    public int Burst { get; set; } = 1;

    /// <summary>Attempts for transient failures (5xx, timeouts); then the message goes to the poison queue.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Messages received at once (Azure allows at most 32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Messages one worker holds at a time (waiting for its tenant's turn or sending).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentSends { get; set; } = 64;

    /// <summary>How long a received message stays hidden from other workers.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time limit of one send, the connector's own retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>A claim lasts <see cref="SendTimeout"/> plus this, to record the outcome after the send.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ClaimMargin { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait before looking again when the queue was empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay after a transient failure; doubles per attempt (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a lone 429 pauses the whole tenant (at most its Retry-After; the throttled send waits the whole
    /// Retry-After). Teams counts requests per second: one window too full is over as soon as its oldest sends age
    /// out, so stopping every send for the whole Retry-After would waste up to a second's worth. A 429 that follows
    /// within the previous one's Retry-After (for a send made after its pause) pauses the tenant for the whole Retry-After.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FirstThrottlePause { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The tenant pause after a 429 that came without Retry-After (with one, the pause is exactly Retry-After). Teams
    /// counts requests per second, so a window's worth is what a full window needs to clear.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DefaultThrottlePause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>At shutdown, how long in-flight sends may finish before they are cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long ledger rows are kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan LedgerRetention { get; set; } = ConnectooBot.Learning.Delivery.DeliveryLedgerDefaults.Retention;

    /// <summary>How often expired ledger runs are purged.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Whether this instance sends (producers can still enqueue when it does not).</summary>
    public bool WorkerEnabled { get; set; } = true;

    public InterruptedDeliveryPolicy Interrupted { get; set; } = InterruptedDeliveryPolicy.RecordFailed;

    /// <summary>How long a claim lasts: the send and recording its outcome.</summary>
    public TimeSpan ClaimDuration => SendTimeout + ClaimMargin;
}
