namespace ConnectooBot.Learning.Delivery;

/// <summary>A worker's exclusive right to send to one recipient of a run, until <paramref name="LeaseUntil"/>.</summary>
/// <param name="Version">The ledger row's version (ETag) when claimed: completing or releasing fails if it changed.</param>
public sealed record DeliveryClaim(string RunId, string RecipientKey, DateTimeOffset LeaseUntil, string Version);
