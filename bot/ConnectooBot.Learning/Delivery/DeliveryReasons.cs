namespace ConnectooBot.Learning.Delivery;

/// <summary>The reasons the ledger records (short, stable, safe to show operators and to use as a metric tag).</summary>
public static class DeliveryReasons
{
    // Skipped by a producer, before anything is queued.
    public const string QuietHours = "quiet-hours";
    public const string OptedOut = "opted-out";
    public const string Snoozed = "snoozed";
    public const string Uninstalled = "uninstalled";
    /// <summary>The conversation is marked inactive (also recorded by the pipeline when it was marked after queueing).</summary>
    public const string Inactive = "inactive";

    // Failed in the pipeline.
    public const string Blocked = "blocked";
    public const string NotInstalled = "not-installed";
    public const string DisabledByAdmin = "disabled-by-admin";
    public const string NotFound = "not-found";
    public const string BadRequest = "bad-request";
    public const string TooBig = "too-big";
    public const string Forbidden = "forbidden";
    public const string HostNotAllowed = "host-not-allowed";

    /// <summary>Teams refused the conversation's serviceUrl as the wrong cloud (403 InvalidBotApiHost).</summary>
    public const string InvalidBotApiHost = "invalid-bot-api-host";
    public const string InvalidPayload = "invalid-payload";

    /// <summary>Transient failures up to the attempt limit; the message is parked in the poison queue.</summary>
    public const string Poison = "poison";

    /// <summary>
    /// A claim without an outcome: the worker died (or shut down) between claiming and recording. The POST may have
    /// reached Teams, and Teams has no idempotency key, so it is not sent again.
    /// </summary>
    public const string Interrupted = "interrupted; may have been sent";
}
