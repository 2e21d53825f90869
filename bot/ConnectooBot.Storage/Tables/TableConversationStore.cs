using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tables;

/// <summary>Conversation references: PartitionKey = tenant, RowKey = the conversation id, base64url-encoded.</summary>
public sealed class TableConversationStore(TableClient table) : IConversationStore
{
    private const int MaxAttempts = 5;

    public async Task<ConversationRecord?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Id(tenantId), TableKeys.Encode(conversationId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task MarkInactiveAsync(string tenantId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Id(tenantId), TableKeys.Encode(conversationId), cancellationToken: cancellationToken);
            if (!response.HasValue || response.Value is not { } entity)
            {
                return;
            }

            entity["Active"] = false;
            entity["InactiveReason"] = reason;
            entity["UpdatedAt"] = at;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Refreshed by another turn meanwhile: read again.
            }
        }
    }

    public async IAsyncEnumerable<ConversationRecord> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = TableKeys.Id(tenantId);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    public async Task DeleteAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        await table.DeleteEntityAsync(TableKeys.Id(tenantId), TableKeys.Encode(conversationId), Azure.ETag.All, cancellationToken);
    }

    private static TableEntity ToEntity(ConversationRecord record) => new(TableKeys.Id(record.TenantId), TableKeys.Encode(record.ConversationId))
    {
        ["TenantId"] = record.TenantId,
        ["ConversationId"] = record.ConversationId,
        ["Kind"] = record.Kind.ToString(),
        ["ServiceUrl"] = record.ServiceUrl,
        ["BotId"] = record.BotId,
        ["UserId"] = record.UserId,
        ["UserAccountId"] = record.UserAccountId,
        ["TeamId"] = record.TeamId,
        ["ChannelId"] = record.ChannelId,
        ["Locale"] = record.Locale,
        ["Active"] = record.Active,
        ["InactiveReason"] = record.InactiveReason,
        ["UpdatedAt"] = record.UpdatedAt,
    };

    private static ConversationRecord FromEntity(TableEntity entity) => new()
    {
        TenantId = entity.GetString("TenantId"),
        ConversationId = entity.GetString("ConversationId"),
        Kind = Enum.TryParse<ConversationKind>(entity.GetString("Kind"), out var kind) ? kind : ConversationKind.Personal,
        ServiceUrl = entity.GetString("ServiceUrl"),
        BotId = entity.GetString("BotId"),
        UserId = entity.GetString("UserId"),
        UserAccountId = entity.GetString("UserAccountId"),
        TeamId = entity.GetString("TeamId"),
        ChannelId = entity.GetString("ChannelId"),
        Locale = entity.GetString("Locale"),
        Active = entity.GetBoolean("Active") ?? true,
        InactiveReason = entity.GetString("InactiveReason"),
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
    };
}
