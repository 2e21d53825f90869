using System.Text;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// Bounds on what an activity may carry into storage, checked with the body (400) before any state is touched.
/// Identifiers become Table Storage keys, at most 1 KiB of UTF-16, so 512 characters (Azurite enforces the same); a
/// free-form id is stored base64url-encoded (4 characters per 3 UTF-8 bytes, plus a "~" for tenant and user ids), so
/// one key holds at most <see cref="MaxKeyBytes"/> UTF-8 bytes. Every bound is well above what Teams sends.
/// </summary>
public static class ActivityBounds
{
    /// <summary>1 KiB of UTF-16.</summary>
    public const int TableKeyCharacters = 512;

    /// <summary>The most UTF-8 bytes whose base64url form, after a one-character marker, fits one key: 383.</summary>
    public const int MaxKeyBytes = (TableKeyCharacters - 1) * 3 / 4;

    /// <summary>Teams: a personal chat's <c>a:…</c> about 130, a channel thread's <c>19:…@thread.tacv2;messageid=…</c> under 100.</summary>
    public const int MaxConversationIdBytes = 256;

    /// <summary>Teams: 13 digits, or a short prefixed id. With a conversation id it still fits one key (256 + 1 + 120 ≤ 383).</summary>
    public const int MaxActivityIdBytes = 120;

    /// <summary>A user's <c>29:…</c> (about 100), the bot's <c>28:…</c>, a team's or channel's <c>19:…@thread.tacv2</c>.</summary>
    public const int MaxAccountIdBytes = 256;

    /// <summary>Teams sends a GUID.</summary>
    public const int MaxTenantIdBytes = 128;

    /// <summary>Display, team and channel names (Entra and Teams cap them at 256 characters; stored as table properties).</summary>
    public const int MaxNameCharacters = 512;

    public const int MaxServiceUrlCharacters = 2048;

    /// <summary>A locale (BCP 47) or an IANA time zone name: the longest real ones are about 32 characters. Both are stored.</summary>
    public const int MaxLocaleOrTimeZoneCharacters = 64;

    /// <summary>The first bound <paramref name="activity"/> breaks, or null when it keeps them all.</summary>
    public static string? Violation(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl?.Length > MaxServiceUrlCharacters)
        {
            return "the serviceUrl is too long";
        }

        if (activity.From?.AadObjectId is { } aadObjectId && !Guid.TryParseExact(aadObjectId, "D", out _))
        {
            return "from.aadObjectId is not a GUID";
        }

        var channelData = activity.ChannelData;
        (string Field, string? Value, int MaxBytes)[] ids =
        [
            ("conversation.id", activity.Conversation?.Id, MaxConversationIdBytes),
            ("id", activity.Id, MaxActivityIdBytes),
            ("replyToId", activity.ReplyToId, MaxActivityIdBytes),
            ("from.id", activity.From?.Id, MaxAccountIdBytes),
            ("recipient.id", activity.Recipient?.Id, MaxAccountIdBytes),
            ("conversation.tenantId", activity.Conversation?.TenantId, MaxTenantIdBytes),
            ("channelData.tenant.id", channelData?.Tenant?.Id, MaxTenantIdBytes),
            ("channelData.team.id", channelData?.Team?.Id, MaxAccountIdBytes),
            ("channelData.channel.id", channelData?.Channel?.Id, MaxAccountIdBytes),
            ("channelData.settings.selectedChannel.id", channelData?.Settings?.SelectedChannel?.Id, MaxAccountIdBytes),
        ];
        foreach (var (field, value, maxBytes) in ids)
        {
            if (value is not null && Encoding.UTF8.GetByteCount(value) > maxBytes)
            {
                return field + " is too long";
            }
        }

        var entities = activity.Entities ?? [];
        if (entities.Any(e => e?.Mentioned?.Id is { } id && Encoding.UTF8.GetByteCount(id) > MaxAccountIdBytes))
        {
            return "entities[].mentioned.id is too long";
        }

        string?[] settings = [activity.Locale, activity.LocalTimezone, .. entities.SelectMany(e => new[] { e?.Locale, e?.Timezone })];
        if (settings.Any(value => value?.Length > MaxLocaleOrTimeZoneCharacters))
        {
            return "a locale or time zone is too long";
        }

        string?[] names =
        [
            activity.From?.Name, activity.Recipient?.Name, activity.Conversation?.Name, channelData?.Team?.Name, channelData?.Channel?.Name,
            .. entities.Select(e => e?.Mentioned?.Name),
        ];
        return names.Any(name => name?.Length > MaxNameCharacters) ? "a name is too long" : null;
    }
}
