using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>Section <c>VivaLearning</c>: the optional sync with Microsoft Viva Learning (off by default). See this folder's README.</summary>
public sealed class VivaLearningOptions
{
    public const string SectionName = "VivaLearning";

    /// <summary>Off by default: no Graph client, no worker, no request.</summary>
    public bool Enabled { get; set; }

    /// <summary>The learning provider's registration id (the <c>id</c> of the organisation's <c>learningProvider</c>).</summary>
    public string? RegistrationId { get; set; }

    /// <summary>Microsoft Graph v1.0; a test points it at a local stand-in.</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>
    /// Where a module's card in Viva Learning leads (its <c>contentWebUrl</c>): a Teams deep link that opens the bot's
    /// personal chat; the module and language are added as query parameters.
    /// </summary>
    public Uri? ContentBaseUrl { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty: the app's system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How often every learner is compared with what Viva Learning was told (the nudge after a course turn makes it sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Learners synced at once (each one's requests are sequential).</summary>
    [Range(1, 16)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Retries of a throttled (429) or unavailable (503, 504) request by the Graph SDK's retry handler, honouring Retry-After.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>One request's deadline, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long "delete my data" waits for Viva Learning before it records the erasure as owed and answers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan ErasureTimeout { get; set; } = TimeSpan.FromSeconds(8);
}
