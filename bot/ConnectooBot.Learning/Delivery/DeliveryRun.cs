namespace ConnectooBot.Learning.Delivery;

/// <summary>
/// One fan-out (a week's channel nudges, a reminder scan): started in the ledger before its items are queued.
/// </summary>
/// <param name="RunId">Unique and stable for the occurrence (e.g. <c>reminders/2026-11-23T09:00Z</c>), so a repeated start is harmless.</param>
/// <param name="Kind">One of <see cref="DeliveryKinds"/>.</param>
/// <param name="TenantId">The tenant when the run has only one; null for a run across tenants.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="Planned">Recipients considered: queued plus skipped. The run is complete when every one has a final outcome.</param>
public sealed record DeliveryRun(string RunId, string Kind, string? TenantId, DateTimeOffset CreatedAt, int Planned);
