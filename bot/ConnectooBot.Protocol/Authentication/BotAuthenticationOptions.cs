using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Protocol.Authentication;

/// <summary>
/// Inbound token validation (section <c>Bot:Authentication</c>; the app id is <c>Bot:AppId</c>). Defaults are the
/// public cloud's (teams-protocol.md §2.1); government clouds override the metadata URL and issuer.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "Bot:Authentication";

    /// <summary>Bound from <c>Bot:AppId</c>: the audience tokens must carry. Empty turns authentication off (Development only).</summary>
    public string? AppId { get; set; }

    /// <summary>Further app ids this host answers for (a multi-bot host).</summary>
    public IList<string> AdditionalAppIds { get; } = [];

    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    public IList<string> ValidIssuers { get; } = [];

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the signing keys are re-read anyway (key rollover, and retirement: a key the issuer no longer publishes
    /// stops being trusted once the next refresh has landed). At least IdentityModel's minimum automatic refresh
    /// interval (5 minutes), checked at start-up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// At most one extra metadata fetch per this interval when a token names an unknown key id, so forged tokens
    /// with random key ids cannot make the bot hammer the metadata endpoint; other unknown key ids in the interval are
    /// refused at once (never queued). At least IdentityModel's minimum refresh interval (1 second).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan UnknownKeyRefetchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The public-cloud issuer when none is configured.</summary>
    public IReadOnlyList<string> EffectiveIssuers => ValidIssuers.Count > 0 ? [.. ValidIssuers] : ["https://api.botframework.com"];
}
