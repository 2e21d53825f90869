using ConnectooBot.Learning.Conversations;

namespace ConnectooBot.Learning.Ports;

/// <summary>Conversation references for proactive sends, keyed by tenant and conversation id.</summary>
public interface IConversationStore
{
    Task<ConversationRecord?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the record (last writer wins: it is a cache of what Teams told us).</summary>
    Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken);

    /// <summary>Marks a known conversation inactive with a reason; an unknown one is ignored.</summary>
    Task MarkInactiveAsync(string tenantId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every conversation of a tenant (for proactive fan-out).</summary>
    IAsyncEnumerable<ConversationRecord> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Removes a conversation record (right to erasure); removing a missing one is not an error.</summary>
    Task DeleteAsync(string tenantId, string conversationId, CancellationToken cancellationToken);
}
