using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Learning.Ports;

/// <summary>
/// Claims for scheduled work shared by several bot instances, one row per (scope, key) — from any instance, before or
/// after a restart. Two kinds: an insert-only claim (<see cref="TryClaimAsync"/>: the first caller has it for good),
/// and a lease (<see cref="TryLeaseAsync"/> then <see cref="CompleteAsync"/>: the holder has it until its lease runs
/// out, and for good only once it marks it done — so work whose instance died half-way is taken over, not lost).
/// </summary>
public interface IScheduleClaims
{
    /// <returns>True for the one caller that claimed it.</returns>
    Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Leases (scope, key) for <paramref name="owner"/> until <paramref name="until"/>: granted when nobody took it or the
    /// last lease ran out before it was done (compare-and-swap on the row's version: of several instances, one wins);
    /// busy while another lease runs; done once completed (or claimed with <see cref="TryClaimAsync"/>).
    /// </summary>
    Task<ScheduleLeaseResult> TryLeaseAsync(string scope, string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Marks the leased work done, for good. False when the lease was lost (taken over after it ran out).</summary>
    Task<bool> CompleteAsync(ScheduleLease lease, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets every claim of a scope (a learner's, when their data is erased).</summary>
    Task DeleteScopeAsync(string scope, CancellationToken cancellationToken);
}
