namespace ConnectooBot.Protocol.Connector;

/// <summary>Outbound connector settings (section <c>Bot:Connector</c>, teams-protocol.md §3 and §5.2).</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Bot:Connector";

    /// <summary>The public-cloud and government connector hosts (teams-protocol.md §3.1).</summary>
    public static IReadOnlyList<string> DefaultServiceHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "*.teams.microsoft.us",
    ];

    /// <summary>
    /// Hosts a serviceUrl may point at; <c>*.example.com</c> means any subdomain of example.com (not example.com itself).
    /// Unset means <see cref="DefaultServiceHosts"/>; a configured list replaces the defaults (it does not add to them).
    /// </summary>
    public IList<string>? AllowedServiceHosts { get; set; }

    /// <summary>
    /// Whether http(s)://localhost, 127.0.0.0/8 and [::1] serviceUrls are allowed (the Agents Playground, test servers).
    /// Unset: allowed only in the Development environment. <c>true</c> is refused at start-up in Production.
    /// </summary>
    public bool? AllowLoopbackServiceUrls { get; set; }

    /// <summary>Retries after the first attempt, for 412/429/502/503/504, network errors and attempt timeouts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Median first delay of the jittered exponential backoff used when the server sent no Retry-After.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between two attempts. A Retry-After longer than this is not waited for: the call fails with
    /// <see cref="ConnectorFailure.Throttled"/> and <see cref="ConnectorException.RetryAfter"/>, so a queue can re-schedule.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one attempt (not of the whole call with its retries).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The scope of the client-credentials token; managed identity uses it without <c>/.default</c>.</summary>
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The Entra authority host (<c>https://login.microsoftonline.us</c> for US government clouds).</summary>
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>The allow-list in force: the configured hosts, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> EffectiveServiceHosts =>
        AllowedServiceHosts is { Count: > 0 } configured ? [.. configured] : DefaultServiceHosts;
}
