namespace ConnectooBot.Learning.Delivery;

/// <summary>Where one recipient of a run stands in the ledger.</summary>
public enum DeliveryStatus
{
    /// <summary>Tried, not final yet (a retry is queued).</summary>
    Pending,

    /// <summary>A worker holds the claim and is sending (until its lease ends).</summary>
    Sending,

    Sent,
    Failed,
    Skipped,
}

public static class DeliveryStatusExtensions
{
    /// <summary>Sent, failed and skipped are final: nothing is sent again for that recipient of that run.</summary>
    public static bool IsFinal(this DeliveryStatus status) => status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Skipped;
}
