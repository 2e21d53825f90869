using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.InMemory;

/// <summary>Conversation references in memory. For fast tests and local experiments only.</summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Conversation), ConversationRecord> _records = new();

    public Task<ConversationRecord?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue((tenantId, conversationId), out var record) ? record : null);

    public Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[(record.TenantId, record.ConversationId)] = record;
        return Task.CompletedTask;
    }

    public Task MarkInactiveAsync(string tenantId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        while (_records.TryGetValue((tenantId, conversationId), out var current)
            && !_records.TryUpdate((tenantId, conversationId), current with { Active = false, InactiveReason = reason, UpdatedAt = at }, current))
        {
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ConversationRecord> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var record in _records.Values.Where(r => r.TenantId == tenantId).OrderBy(r => r.ConversationId, StringComparer.Ordinal))
        {
            yield return record;
        }
    }

    public Task DeleteAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        _records.TryRemove((tenantId, conversationId), out _);
        return Task.CompletedTask;
    }
}
