namespace ConnectooBot.Learning.Ports;

/// <summary>
/// Exactly-once claims for scheduled work shared by several bot instances: the first to claim an occurrence does it;
/// every later claim of the same (scope, key) — from any instance, before or after a restart — is refused.
/// </summary>
public interface IScheduleClaims
{
    /// <returns>True for the one caller that claimed it.</returns>
    Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets every claim of a scope (a learner's, when their data is erased).</summary>
    Task DeleteScopeAsync(string scope, CancellationToken cancellationToken);
}
