namespace ConnectooBot.Learning.Delivery;

/// <summary>The final outcome for one recipient of a run: sent, failed (reason) or skipped (reason).</summary>
public sealed record DeliveryOutcome
{
    private DeliveryOutcome(DeliveryStatus status, string? reason)
    {
        Status = status;
        Reason = reason;
    }

    public static DeliveryOutcome Sent { get; } = new(DeliveryStatus.Sent, null);

    public DeliveryStatus Status { get; }

    /// <summary>Why it failed or was skipped (see <see cref="DeliveryReasons"/>); null when sent.</summary>
    public string? Reason { get; }

    public static DeliveryOutcome Failed(string reason) => new(DeliveryStatus.Failed, Required(reason));

    public static DeliveryOutcome Skipped(string reason) => new(DeliveryStatus.Skipped, Required(reason));

    /// <summary>Rebuilds a stored outcome; null when the status is not final.</summary>
    public static DeliveryOutcome? From(DeliveryStatus status, string? reason) => status switch
    {
        DeliveryStatus.Sent => Sent,
        DeliveryStatus.Failed => new(status, reason ?? "unknown"),
        DeliveryStatus.Skipped => new(status, reason ?? "unknown"),
        _ => null,
    };

    private static string Required(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason;
    }
}
