namespace ConnectooBot.Web.Delivery;

/// <summary>
/// What to do with a recipient whose claim expired without an outcome (the worker died between claiming and
/// recording, or was stopped mid-send). Teams' send has no idempotency key, so the POST may or may not have arrived.
/// </summary>
public enum InterruptedDeliveryPolicy
{
    /// <summary>Record Failed("interrupted; may have been sent") and never send again: no duplicate, a rare loss.</summary>
    RecordFailed,

    /// <summary>Send again: no loss, a rare duplicate (teams-protocol.md §5.2: notifications can tolerate one).</summary>
    Resend,
}
