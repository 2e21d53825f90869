using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Activity claims as rows of the learners table, in the learner's partition (tenant), so that a claim can be inserted
/// in the same entity-group transaction as the learner's write. RowKey = <c>!a</c> + base64url(SHA-256(conversation id,
/// activity id)): a fixed 45 characters whatever the ids' length, and below every learner key (GUIDs and <c>~</c>…),
/// so learner queries skip claim rows with <c>RowKey ge '0'</c>.
/// </summary>
internal static class ActivityClaimRows
{
    /// <summary>Learner rows sort at or after this key; claim rows before it.</summary>
    public const string FirstLearnerKey = "0";

    private const string Prefix = "!a";

    public static string PartitionKey(ActivityClaimKey key) => TableKeys.Id(key.TenantId);

    public static string RowKey(ActivityClaimKey key) =>
        Prefix + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ConversationId + "\n" + key.ActivityId)));

    /// <summary>The conversation a claim belongs to, hashed like the row key (so its id is not stored): erasure finds them by it.</summary>
    public static string ConversationHash(string conversationId) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)));

    public static bool IsClaimRow(string rowKey) => rowKey.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The filter of claim rows (all partitions).</summary>
    public static string Filter => $"RowKey ge '{Prefix}' and RowKey lt '{Prefix}~'";

    public static TableEntity ToEntity(ActivityClaim claim)
    {
        var entity = new TableEntity(PartitionKey(claim.Key), RowKey(claim.Key))
        {
            ["Conversation"] = ConversationHash(claim.Key.ConversationId),
            ["Holder"] = claim.Holder,
            ["TakenAt"] = claim.TakenAt,
            ["LeaseUntil"] = claim.LeaseUntil,
            ["Done"] = claim.Done,
        };
        if (claim.Answer is not null)
        {
            WriteAnswer(entity, claim.Answer);
        }

        return entity;
    }

    public static ActivityClaim FromEntity(ActivityClaimKey key, TableEntity entity) => new(
        key,
        entity.GetString("Holder") ?? string.Empty,
        entity.GetDateTimeOffset("TakenAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue,
        entity.GetBoolean("Done") ?? false,
        ReadAnswer(entity));

    /// <summary>
    /// The answer as Brotli-compressed UTF-8 in <c>AnswerBr</c> (a smaller request for the storage to parse, in the
    /// learner's write that carries the claim), or as text in <c>Answer</c> when short or when it would not fit.
    /// </summary>
    private static void WriteAnswer(TableEntity entity, string answer) => CompressedText.Write(entity, "Answer", answer);

    private static string? ReadAnswer(TableEntity entity) => CompressedText.Read(entity, "Answer");
}
