namespace ConnectooBot.Learning.Turns;

/// <summary>What taking a claim gave: <see cref="Taken"/> (go on), or the claim another turn holds (done or running).</summary>
public sealed record ActivityClaimResult(bool Taken, ActivityClaim Claim);
