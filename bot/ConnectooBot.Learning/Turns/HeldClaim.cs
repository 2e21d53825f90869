namespace ConnectooBot.Learning.Turns;

/// <summary>
/// One entry of <see cref="RecentClaims"/>: an <see cref="ActivityClaim"/> as a learner's row keeps it, its activity named
/// by <see cref="Id"/> (a hash of the conversation and activity ids, <see cref="RecentClaims.IdOf"/>) instead of the ids.
/// </summary>
public sealed record HeldClaim(string Id, string Holder, DateTimeOffset TakenAt, DateTimeOffset LeaseUntil, bool Done, string? Answer);
