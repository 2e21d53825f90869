namespace ConnectooBot.Web.Delivery;

/// <summary>The answer of <see cref="TenantGate.WaitTurnAsync"/>: send now, or give the message back until a time.</summary>
internal readonly record struct TenantTurn(bool Granted, DateTimeOffset RetryAt)
{
    public static TenantTurn Go { get; } = new(true, default);

    public static TenantTurn Defer(DateTimeOffset retryAt) => new(false, retryAt);
}
