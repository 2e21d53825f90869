using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>Settings of the inbound endpoint (section <c>Bot:Endpoint</c>).</summary>
public sealed class BotEndpointOptions
{
    public const string SectionName = "Bot:Endpoint";

    /// <summary>Bodies over this size get 413. Teams messages stay under ~100 KB.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long one turn may run. Not tied to the request, so a client disconnect cannot half-apply a turn.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a processed activity id is remembered (Teams re-delivers after ~15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the answer to a processed invoke is kept to give a re-delivery the same answer (Teams retries within
    /// ~15 s, teams-protocol.md §4.3). Later duplicates are still not processed again; they get an empty 200. Keeps the
    /// memory this costs proportional to the turns of the last minute, not to the number of learners.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan DuplicateResponseWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tenants allowed to use the bot; empty means any tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];
}
