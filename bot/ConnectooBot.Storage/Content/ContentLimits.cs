namespace ConnectooBot.Storage.Content;

/// <summary>The authoring limits of dialogs-content/FORMAT.md, checked by <see cref="CourseLoader"/>.</summary>
public static partial class ContentLimits
{
    public const int MinSteps = 5;
    public const int MaxSteps = 12;
    public const int MinCaseSteps = 3;
    public const int MaxCaseSteps = 6;
    public const int MinCaseQuestions = 6;
    public const int MaxMedianStepWords = 90;
    public const int MaxBoldSpans = 2;

    /// <summary>At most this many lesson steps in a row without an in-lesson quick check (and after the last one).</summary>
    public const int MaxStepsWithoutQuickCheck = 2;

    /// <summary>Per module and language, the correct choice may be the strictly longest in at most this share of questions.</summary>
    public const double MaxLongestCorrectShare = 0.35;

    /// <summary>"Always pick the longest choice" may pass an attempt with at most this probability.</summary>
    public const double MaxBlindPassProbability = 0.10;

    /// <summary>The correct choice and at least two distractors are within this ratio of each other's length (±20 %).</summary>
    public const double ChoiceLengthTolerance = 0.20;

    /// <summary>
    /// Government sites (federal, regional, community, EU) whose pages may stand first among a step's or question's
    /// sources; kbs-frb.be only for the King Baudouin Foundation's barometer. A host matches itself and its subdomains.
    /// </summary>
    public static IReadOnlyList<string> OfficialSourceHosts { get; } =
    [
        "belgium.be", "fgov.be", "fed.be", "safeonweb.be", "mypension.be", "myminfin.be", "mygov.be", "csam.be", "ibz.be", "bosa.be",
        "socialsecurity.be", "vlaanderen.be", "wallonie.be", "brussels", "ostbelgien.be", "ostbelgienlive.be", "pdg.be", "dgov.be",
        "autoriteprotectiondonnees.be", "gegevensbeschermingsautoriteit.be", "dataprotectionauthority.be", "myebox.be", "police.be",
        "lachambre.be", "dekamer.be", "europa.eu", "federation-wallonie-bruxelles.be", "fwb.be", "cfwb.be", "digitalwallonia.be",
        "kbs-frb.be", "frb-kbs.be",
    ];

    public static bool IsOfficialSource(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && OfficialSourceHosts.Any(host => uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));

    public static int BoldSpans(string text) => BoldSpan().Count(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\*\*[^*]+\*\*")]
    private static partial System.Text.RegularExpressions.Regex BoldSpan();
    public const int MinQuestions = 12;
    public const int MaxStepWords = 120;
    public const int MaxPromptWords = 70;
    public const int MaxChoiceWords = 25;
    public const int MaxWhyWords = 35;
    public const int MaxTitleCharacters = 60;
    public const int MaxSummaryCharacters = 160;

    public static IReadOnlyList<string> Languages => ConnectooBot.Learning.Catalog.Languages.All;

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
