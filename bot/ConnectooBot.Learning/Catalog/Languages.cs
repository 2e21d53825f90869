namespace ConnectooBot.Learning.Catalog;

/// <summary>The four course languages and how a Teams locale maps onto them (English is the fallback).</summary>
public static class Languages
{
    public const string French = "fr";
    public const string Dutch = "nl";
    public const string German = "de";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [French, Dutch, German, English];

    /// <summary>"fr-BE" → fr, "nl" → nl, "de-DE" → de, anything else (or nothing) → en.</summary>
    public static string FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return English;
        }

        var primary = locale.Split('-', '_')[0].Trim().ToLowerInvariant();
        return All.Contains(primary) ? primary : English;
    }

    public static bool IsSupported(string? language) => language is not null && All.Contains(language);
}
