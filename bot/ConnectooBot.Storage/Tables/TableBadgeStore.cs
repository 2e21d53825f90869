using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Badges in one Azure table, all in a single partition so that a badge, its revocation-list position and its learner
/// pointer change together in one entity-group transaction (badges are issued once per learner: a few thousand rows,
/// far below a partition's throughput). Row keys:
/// <list type="bullet">
/// <item><c>badge|&lt;badge id&gt;</c>: the award, the compact credential, the status index, the revocation.</item>
/// <item><c>status|&lt;index, 6 digits&gt;</c>: who holds the position and whether it is revoked; kept (without the
/// badge id) after erasure so the published revocation list stays right.</item>
/// <item><c>learner|&lt;SHA-256 of tenant and user id&gt;|&lt;badge id&gt;</c>: lets a learner's badges be found with one
/// range query, without putting their ids in a key.</item>
/// <item><c>holder|&lt;SHA-256 of tenant and user id&gt;|&lt;course id, base64url&gt;</c>: the badge the learner holds for the
/// course, keyed without the badge id. Inserted in the same transaction as the badge, so of two instances issuing at
/// once only one transaction commits (409 for the other, which returns the held badge); deleted when that badge is
/// revoked or erased.</item>
/// </list>
/// </summary>
public sealed class TableBadgeStore(TableClient table) : IBadgeStore
{
    /// <summary>The table's name after the configured prefix (e.g. <c>connectooBadges</c>).</summary>
    public const string TableName = "Badges";

    private const string Partition = "badges";
    private const string BadgePrefix = "badge|";
    private const string StatusPrefix = "status|";
    private const string LearnerPrefix = "learner|";
    private const string HolderPrefix = "holder|";

    private volatile bool _tableExists;

    public async Task<BadgeRecord> SaveAsync(BadgeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureTableAsync(cancellationToken);
        var award = record.Award;
        var badge = new TableEntity(Partition, BadgePrefix + award.BadgeId)
        {
            ["TenantId"] = award.Learner.TenantId,
            ["UserId"] = award.Learner.UserId,
            ["CourseId"] = award.CourseId,
            ["DisplayName"] = award.DisplayName,
            ["Language"] = award.Language,
            ["IssuedAt"] = award.IssuedAt,
            ["ModuleScores"] = WriteScores(award.ModuleScores),
            ["ContentVersion"] = award.ContentVersion,
            ["Credential"] = record.Credential,
            ["StatusIndex"] = record.StatusIndex,
        };
        var status = StatusEntity(record.StatusIndex, award.BadgeId, record.Revocation);
        WriteRevocation(badge, record.Revocation);
        var pointer = new TableEntity(Partition, LearnerRow(award.Learner, award.BadgeId));
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, badge),
            new(TableTransactionActionType.Add, status),
            new(TableTransactionActionType.Add, pointer),
        ];
        if (record.Revocation is null)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(Partition, HolderRow(award.Learner, award.CourseId)) { ["BadgeId"] = award.BadgeId }));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return record;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // The learner already holds a badge for the course (or our own commit's retry found it): that one stands.
            if (record.Revocation is null && await FindHeldAsync(award.Learner, award.CourseId, cancellationToken) is { } held)
            {
                return held;
            }

            throw new ConcurrencyConflictException($"Badge {award.BadgeId} or status index {record.StatusIndex} is taken.", ex);
        }
    }

    public async Task<BadgeRecord?> FindAsync(string badgeId, CancellationToken cancellationToken)
    {
        var entity = await FindBadgeEntityAsync(badgeId, cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    public async Task<IReadOnlyList<BadgeRecord>> FindByLearnerAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var records = new List<BadgeRecord>();
        foreach (var badgeId in await ListLearnerBadgeIdsAsync(learner, cancellationToken))
        {
            if (await FindAsync(badgeId, cancellationToken) is { } record)
            {
                records.Add(record);
            }
        }

        return [.. records.OrderBy(r => r.Award.IssuedAt)];
    }

    public async Task<BadgeRecord?> RevokeAsync(string badgeId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        while (true)
        {
            var entity = await FindBadgeEntityAsync(badgeId, cancellationToken);
            if (entity is null)
            {
                return null;
            }

            var record = ToRecord(entity);
            if (record.IsRevoked)
            {
                return record;
            }

            var revocation = new BadgeRevocation(reason, at);
            WriteRevocation(entity, revocation);
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
                new(TableTransactionActionType.UpsertReplace, StatusEntity(record.StatusIndex, badgeId, revocation)),
            ];
            if (await FindHolderEntityAsync(record.Award.Learner, record.Award.CourseId, cancellationToken) is { } holder && holder.GetString("BadgeId") == badgeId)
            {
                actions.Add(new(TableTransactionActionType.Delete, holder, holder.ETag)); // the learner may earn the badge again
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return record with { Revocation = revocation };
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
            {
                // Someone changed the badge or its holder row meanwhile (probably revoked it too): read them again.
            }
        }
    }

    public async Task<IReadOnlyList<RevokedStatus>> ListRevokedAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey ge {StatusPrefix} and RowKey lt {RangeEnd(StatusPrefix)} and Revoked eq {true}");
        var revoked = new List<RevokedStatus>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (ReadRevocation(entity) is { } revocation)
            {
                revoked.Add(new RevokedStatus(int.Parse(entity.RowKey[StatusPrefix.Length..], CultureInfo.InvariantCulture), revocation));
            }
        }

        return [.. revoked.OrderBy(r => r.StatusIndex)];
    }

    public async Task<int> DeleteForLearnerAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var holders = await ListHolderEntitiesAsync(learner, cancellationToken);
        var deleted = 0;
        foreach (var badgeId in await ListLearnerBadgeIdsAsync(learner, cancellationToken))
        {
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Delete, new TableEntity(Partition, LearnerRow(learner, badgeId)), ETag.All),
            };
            if (await FindBadgeEntityAsync(badgeId, cancellationToken) is { } badge)
            {
                var statusIndex = badge.GetInt32("StatusIndex") ?? throw new InvalidDataException($"Badge {badgeId} has no status index.");
                actions.Add(new(TableTransactionActionType.Delete, badge, ETag.All));
                actions.Add(new(
                    TableTransactionActionType.UpsertReplace,
                    StatusEntity(statusIndex, badgeId: null, new BadgeRevocation(BadgeRevocation.ErasedReason, at))));
                deleted++;
            }

            foreach (var holder in holders.Where(h => h.GetString("BadgeId") == badgeId).ToList())
            {
                actions.Add(new(TableTransactionActionType.Delete, holder, ETag.All));
                holders.Remove(holder);
            }

            await table.SubmitTransactionAsync(actions, cancellationToken);
        }

        foreach (var orphan in holders)
        {
            await table.DeleteEntityAsync(orphan.PartitionKey, orphan.RowKey, ETag.All, cancellationToken);
        }

        return deleted;
    }

    /// <summary>The valid badge the learner holds for the course, through its holder row; null when none.</summary>
    private async Task<BadgeRecord?> FindHeldAsync(LearnerKey learner, string courseId, CancellationToken cancellationToken) =>
        await FindHolderEntityAsync(learner, courseId, cancellationToken) is { } holder && holder.GetString("BadgeId") is { } badgeId
            ? await FindAsync(badgeId, cancellationToken)
            : null;

    private async Task<TableEntity?> FindHolderEntityAsync(LearnerKey learner, string courseId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, HolderRow(learner, courseId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<List<TableEntity>> ListHolderEntitiesAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var prefix = HolderPrefix + LearnerHash(learner) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {RangeEnd(prefix)}");
        var holders = new List<TableEntity>();
        await foreach (var holder in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            holders.Add(holder);
        }

        return holders;
    }

    private async Task<TableEntity?> FindBadgeEntityAsync(string badgeId, CancellationToken cancellationToken)
    {
        if (!BadgeAward.IsWellFormedBadgeId(badgeId))
        {
            return null;
        }

        await EnsureTableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, BadgePrefix + badgeId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<List<string>> ListLearnerBadgeIdsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var prefix = LearnerRow(learner, badgeId: string.Empty);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {RangeEnd(prefix)}");
        var ids = new List<string>();
        await foreach (var pointer in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(pointer.RowKey[prefix.Length..]);
        }

        return ids;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }

    private static BadgeRecord ToRecord(TableEntity entity) => new()
    {
        Award = new BadgeAward
        {
            BadgeId = entity.RowKey[BadgePrefix.Length..],
            Learner = new LearnerKey(entity.GetString("TenantId"), entity.GetString("UserId")),
            CourseId = entity.GetString("CourseId") ?? string.Empty,
            DisplayName = entity.GetString("DisplayName"),
            Language = entity.GetString("Language"),
            IssuedAt = entity.GetDateTimeOffset("IssuedAt") ?? throw new InvalidDataException($"Badge {entity.RowKey} has no issue date."),
            ModuleScores = ReadScores(entity.GetString("ModuleScores")),
            ContentVersion = entity.GetString("ContentVersion"),
        },
        Credential = entity.GetString("Credential"),
        StatusIndex = entity.GetInt32("StatusIndex") ?? throw new InvalidDataException($"Badge {entity.RowKey} has no status index."),
        Revocation = ReadRevocation(entity),
    };

    private static TableEntity StatusEntity(int statusIndex, string? badgeId, BadgeRevocation? revocation)
    {
        var entity = new TableEntity(Partition, StatusPrefix + statusIndex.ToString("D6", CultureInfo.InvariantCulture))
        {
            ["BadgeId"] = badgeId,
        };
        WriteRevocation(entity, revocation);
        return entity;
    }

    private static void WriteRevocation(TableEntity entity, BadgeRevocation? revocation)
    {
        entity["Revoked"] = revocation is not null;
        entity["RevokedReason"] = revocation?.Reason;
        entity["RevokedAt"] = revocation?.RevokedAt;
    }

    private static BadgeRevocation? ReadRevocation(TableEntity entity) =>
        entity.GetBoolean("Revoked") == true
            ? new BadgeRevocation(entity.GetString("RevokedReason") ?? string.Empty, entity.GetDateTimeOffset("RevokedAt") ?? DateTimeOffset.MinValue)
            : null;

    /// <summary>Scores as a JSON object in the course's order: <c>{"digital-divide":92,…}</c>.</summary>
    private static string WriteScores(IReadOnlyList<ModuleScore> scores)
    {
        var json = new JsonObject();
        foreach (var score in scores)
        {
            json[score.ModuleId] = score.Percent;
        }

        return json.ToJsonString();
    }

    private static List<ModuleScore> ReadScores(string json) =>
        JsonNode.Parse(json) is JsonObject scores
            ? [.. scores.Select(s => new ModuleScore(s.Key, s.Value!.GetValue<int>()))]
            : throw new InvalidDataException("Module scores are not a JSON object.");

    private static string LearnerRow(LearnerKey learner, string badgeId) => LearnerPrefix + LearnerHash(learner) + "|" + badgeId;

    private static string HolderRow(LearnerKey learner, string courseId) => HolderPrefix + LearnerHash(learner) + "|" + TableKeys.Encode(courseId);

    private static string LearnerHash(LearnerKey learner) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(learner.TenantId + "\n" + learner.UserId)));

    /// <summary>The first row key after every key that starts with <paramref name="prefix"/> ('|' + 1 = '}').</summary>
    private static string RangeEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
