namespace ConnectooBot.Learning.Delivery;

/// <summary>Defaults of the delivery ledger shared by the store that keeps it and the worker that purges it.</summary>
public static class DeliveryLedgerDefaults
{
    /// <summary>How long a run's rows are kept (setting <c>Delivery:LedgerRetention</c>).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);
}
