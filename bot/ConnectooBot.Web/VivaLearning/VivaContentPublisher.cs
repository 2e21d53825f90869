using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Viva;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// Publishes the six modules in the four languages as the provider's <c>learningContent</c>, each upserted by its
/// external id (<see cref="VivaRules.ContentExternalId"/>): running it again replaces the same 24 items, never adds
/// one. Title and description come from the course content (<c>dialogs-content/</c>); the ids Viva Learning returns are
/// kept (the activities point to them) in the store and in memory.
/// </summary>
internal sealed class VivaContentPublisher(
    Learning.Catalog.Course course,
    VivaGraph graph,
    IVivaSyncStore store,
    IOptions<VivaLearningOptions> options,
    ILogger<VivaContentPublisher> logger)
{
    /// <summary>Viva Learning's language tags (lower case, as in the Graph examples).</summary>
    private static readonly Dictionary<string, string> LanguageTags = new(StringComparer.Ordinal)
    {
        [Languages.French] = "fr-be",
        [Languages.Dutch] = "nl-be",
        [Languages.German] = "de-be",
        [Languages.English] = "en-us",
    };

    private volatile IReadOnlyDictionary<(string Module, string Language), string>? contentIds;

    /// <summary>Upserts every module in every language; returns how many were sent.</summary>
    public async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        var stored = (await store.ListContentsAsync(cancellationToken)).ToDictionary(c => (c.ModuleId, c.Language));
        var ids = new Dictionary<(string, string), string>();
        foreach (var module in course.Modules)
        {
            foreach (var language in Languages.All.Where(module.Texts.ContainsKey))
            {
                var externalId = VivaRules.ContentExternalId(module.Id, language);
                var id = await graph.UpsertContentAsync(Content(module, language, externalId), cancellationToken);
                var content = new VivaContent(module.Id, language, externalId, id);
                if (stored.GetValueOrDefault((module.Id, language)) != content)
                {
                    await store.SaveContentAsync(content, cancellationToken);
                }

                ids[(module.Id, language)] = id;
            }
        }

        contentIds = ids;
        Log.ContentsPublished(logger, ids.Count);
        return ids.Count;
    }

    /// <summary>The Viva Learning id of a module's content in a language (English when that language is missing), or null before publishing.</summary>
    public async Task<string?> ContentIdAsync(string moduleId, string language, CancellationToken cancellationToken)
    {
        var ids = contentIds ??= (await store.ListContentsAsync(cancellationToken)).ToDictionary(c => (c.ModuleId, c.Language), c => c.GraphId);
        return ids.GetValueOrDefault((moduleId, language)) ?? ids.GetValueOrDefault((moduleId, Languages.English));
    }

    private LearningContent Content(Module module, string language, string externalId)
    {
        var text = module.Texts[language];
        return new LearningContent
        {
            ExternalId = externalId,
            Title = text.Title,
            Description = text.Summary,
            ContentWebUrl = ContentLink(options.Value.ContentBaseUrl!, module.Id, language),
            LanguageTag = LanguageTags[language],
            Duration = TimeSpan.FromMinutes(module.EstimatedMinutes),
            Format = "Course",
            SourceName = "Connectoo",
            IsActive = true,
            IsSearchable = true,
            IsPremium = false,
        };
    }

    /// <summary>The deep link into the bot for a module: the configured link with the module and language added.</summary>
    public static string ContentLink(Uri baseUrl, string moduleId, string language)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var link = baseUrl.AbsoluteUri;
        var separator = string.IsNullOrEmpty(baseUrl.Query) ? "?" : "&";
        return $"{link}{separator}connectooModule={Uri.EscapeDataString(moduleId)}&connectooLanguage={Uri.EscapeDataString(language)}";
    }
}
