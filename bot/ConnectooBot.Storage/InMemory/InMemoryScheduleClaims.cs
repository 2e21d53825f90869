using System.Collections.Concurrent;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.InMemory;

/// <summary>Claims in memory (one process only). For fast tests and local experiments only.</summary>
public sealed class InMemoryScheduleClaims : IScheduleClaims
{
    private readonly ConcurrentDictionary<(string Scope, string Key), DateTimeOffset> _claims = new();

    public Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.TryAdd((scope, key), at));

    public Task DeleteScopeAsync(string scope, CancellationToken cancellationToken)
    {
        foreach (var claim in _claims.Keys.Where(k => k.Scope == scope).ToList())
        {
            _claims.TryRemove(claim, out _);
        }

        return Task.CompletedTask;
    }
}
