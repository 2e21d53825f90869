namespace ConnectooBot.Web.Legal;

/// <summary>
/// The texts served under <c>/legal</c>, each in the four course languages, from <c>dialogs-content/legal</c>:
/// the privacy notice, the terms of use, and a short page about the app that links to both.
/// </summary>
public sealed class LegalLibrary(IReadOnlyDictionary<string, IReadOnlyDictionary<string, LegalDocument>> documents)
{
    public const string Privacy = "privacy";
    public const string Terms = "terms";
    public const string About = "about";

    public static IReadOnlyList<string> Names { get; } = [Privacy, Terms, About];

    /// <summary>Name → language → document; complete (every name in every language) once loaded.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, LegalDocument>> Documents { get; } = documents;

    public LegalDocument Get(string name, string language) => Documents[name][language];
}
