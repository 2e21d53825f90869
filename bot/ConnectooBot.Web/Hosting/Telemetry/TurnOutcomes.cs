namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>Values of the <see cref="TurnLabels.OutcomeTag"/> tag.</summary>
public static class TurnOutcomes
{
    /// <summary>The pipeline ran to its end (an invoke answered with an error card still counts as ok).</summary>
    public const string Ok = "ok";

    /// <summary>An exception left the pipeline (the error boundary then apologizes to the user).</summary>
    public const string Error = "error";

    /// <summary>The turn was cancelled: its timeout, or the host giving up at shutdown.</summary>
    public const string Cancelled = "cancelled";
}
