using ConnectooBot.Learning.Scheduling;

namespace ConnectooBot.Learning.Teams;

/// <summary>A team the bot is installed in: its managers and its channel-nudge schedule.</summary>
public sealed record TeamRecord
{
    public required string TenantId { get; init; }

    /// <summary>The Teams team id (<c>19:…@thread.tacv2</c>; also the General channel's id).</summary>
    public required string TeamId { get; init; }

    public string? Name { get; init; }

    public required string ServiceUrl { get; init; }

    /// <summary>The channel nudges are posted in: the one chosen at install, else General.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The team's locale as last seen (the language of its channel posts).</summary>
    public string? Locale { get; init; }

    public IReadOnlyList<TeamManager> Managers { get; init; } = [];

    /// <summary>The weekly channel nudge, or null when nudges are off.</summary>
    public WeeklySchedule? Nudges { get; init; }

    /// <summary>When the nudge schedule was set: occurrences before it are never sent.</summary>
    public DateTimeOffset? NudgesSince { get; init; }

    /// <summary>The bot's own account id (<c>28:…</c>), for the "continue in personal chat" link.</summary>
    public string? BotId { get; init; }

    public bool Active { get; init; } = true;

    public required DateTimeOffset InstalledAt { get; init; }

    public bool IsManager(string userId) => Managers.Any(m => string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase));
}
