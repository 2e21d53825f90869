using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Viva;
using ConnectooBot.Testing.Graph;
using ConnectooBot.Web.VivaLearning;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.VivaLearning;

/// <summary>The six modules in four languages as learning content, upserted by external id through the Graph SDK.</summary>
public sealed class VivaContentPublishingTests : IAsyncLifetime
{
    private VivaHost _viva = null!;

    public async Task InitializeAsync() => _viva = await VivaHost.StartAsync();

    public async Task DisposeAsync() => await _viva.DisposeAsync();

    private Learning.Catalog.Course Course => _viva.Bot.Services.GetRequiredService<Learning.Catalog.Course>();

    [Fact]
    public async Task StartUp_PublishesEveryModuleInEveryLanguage_AsDocumentedUpserts()
    {
        var graph = _viva.Graph;

        Assert.Equal(6, Course.Modules.Count);
        Assert.Equal(24, graph.Contents.Count);
        Assert.All(graph.Requests, r => Assert.Equal("PATCH", r.Method));
        Assert.All(graph.Requests, r => Assert.Matches(@"^/v1\.0/employeeExperience/learningProviders/" + VivaHost.RegistrationId + @"/learningContents\(externalId='connectoo-[^']+-(fr|nl|de|en)'\)$", r.Path));
        Assert.Empty(graph.Violations);
        Assert.Contains("https://graph.microsoft.com/.default", _viva.Credential.Scopes);
        foreach (var module in Course.Modules)
        {
            foreach (var language in Languages.All)
            {
                var content = Assert.Single(graph.Contents, c => c["externalId"]!.GetValue<string>() == VivaRules.ContentExternalId(module.Id, language));
                Assert.Equal(module.Texts[language].Title, content["title"]!.GetValue<string>());
                Assert.Equal(module.Texts[language].Summary, content["description"]!.GetValue<string>());
                Assert.Equal(VivaContentPublisher.ContentLink(new Uri(VivaHost.ContentBaseUrl), module.Id, language), content["contentWebUrl"]!.GetValue<string>());
                Assert.StartsWith(VivaHost.ContentBaseUrl + "&connectooModule=", content["contentWebUrl"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.StartsWith(language + "-", content["languageTag"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal(System.Xml.XmlConvert.ToString(TimeSpan.FromMinutes(module.EstimatedMinutes)), content["duration"]!.GetValue<string>());
                Assert.Equal("Course", content["format"]!.GetValue<string>());
                Assert.True(content["isActive"]!.GetValue<bool>());
            }
        }

        var stored = await _viva.Store.ListContentsAsync(CancellationToken.None);
        Assert.Equal(graph.Contents.Select(c => c["id"]!.GetValue<string>()).Order(), stored.Select(c => c.GraphId).Order());
    }

    [Fact]
    public async Task PublishingAgain_OnlyPatchesTheSameContents_NothingNew()
    {
        var graph = _viva.Graph;
        var idsBefore = graph.Contents.ToDictionary(c => c["externalId"]!.GetValue<string>(), c => c["id"]!.GetValue<string>());
        graph.ClearRequests();

        var sent = await _viva.Bot.Services.GetRequiredService<VivaContentPublisher>().PublishAsync(CancellationToken.None);

        Assert.Equal(24, sent);
        Assert.Equal(24, graph.Requests.Count);
        Assert.All(graph.Requests, r => Assert.Equal(("PATCH", 202), (r.Method, r.Status)));
        Assert.Equal(idsBefore, graph.Contents.ToDictionary(c => c["externalId"]!.GetValue<string>(), c => c["id"]!.GetValue<string>()));
        Assert.Empty(graph.Violations);
    }

    [Fact]
    public async Task AnUpsertAnsweredWithoutBody_ReadsTheIdBackByExternalId()
    {
        var graph = _viva.Graph;
        var idsBefore = graph.Contents.Select(c => c["id"]!.GetValue<string>()).Order().ToList();
        graph.ContentUpsertWithoutBody = true;
        graph.ClearRequests();

        await _viva.Bot.Services.GetRequiredService<VivaContentPublisher>().PublishAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Repeat(("PATCH", 202), 24).Concat(Enumerable.Repeat(("GET", 200), 24)).Order(), graph.Requests.Select(r => (r.Method, r.Status)).Order());
        Assert.Equal(idsBefore, (await _viva.Store.ListContentsAsync(CancellationToken.None)).Select(c => c.GraphId).Order());
        Assert.Empty(graph.Violations);
    }
}
