using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Legal;

/// <summary>
/// Reads <c>legal/&lt;name&gt;.&lt;lang&gt;.md</c> under the content root and turns each into HTML with Markdig. Raw
/// HTML in the Markdown is not passed through (it is shown as text), so the pages carry no script. Every text must
/// exist in every language and start with a level-1 heading, its title; otherwise the host does not start.
/// </summary>
public static class LegalLibraryLoader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoIdentifiers()
        .UsePipeTables()
        .Build();

    public static LegalLibrary Load(string contentRoot)
    {
        var problems = new List<string>();
        var documents = new Dictionary<string, IReadOnlyDictionary<string, LegalDocument>>(StringComparer.Ordinal);
        foreach (var name in LegalLibrary.Names)
        {
            var byLanguage = new Dictionary<string, LegalDocument>(StringComparer.Ordinal);
            foreach (var language in Languages.All)
            {
                var relative = $"legal/{name}.{language}.md";
                var path = Path.Combine(contentRoot, "legal", $"{name}.{language}.md");
                if (!File.Exists(path))
                {
                    problems.Add($"{relative} is missing.");
                    continue;
                }

                var markdown = File.ReadAllText(path);
                var parsed = Markdown.Parse(markdown, Pipeline);
                if (parsed.FirstOrDefault() is not HeadingBlock { Level: 1 } heading || heading.Inline is null)
                {
                    problems.Add($"{relative} must start with a level-1 heading (# Title).");
                    continue;
                }

                var title = string.Concat(heading.Inline.Descendants<LiteralInline>().Select(literal => literal.Content.ToString())).Trim();
                byLanguage[language] = new LegalDocument(name, language, title, parsed.ToHtml(Pipeline));
            }

            documents[name] = byLanguage;
        }

        return problems.Count == 0 ? new LegalLibrary(documents) : throw new ContentValidationException(problems);
    }
}
