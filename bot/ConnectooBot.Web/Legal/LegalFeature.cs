using ConnectooBot.Learning.Catalog;
using ConnectooBot.Storage.Content;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Legal;

/// <summary>The privacy notice, terms of use and about page the Teams manifest links to.</summary>
public static class LegalFeature
{
    /// <summary>The texts from <c>dialogs-content/legal</c> (under <c>Content:RootPath</c>), loaded and checked at start-up.</summary>
    public static IServiceCollection AddLegal(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>();
        services.AddSingleton(sp =>
        {
            var library = LegalLibraryLoader.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.RootPath);
            Log.LegalTextsLoaded(sp.GetRequiredService<ILogger<LegalLibrary>>(), library.Documents.Count, Languages.All.Count);
            return library;
        });
        services.AddSingleton<LegalPage>();
        services.AddHostedService<LegalWarmup>();
        return services;
    }

    /// <summary><c>GET /legal/privacy</c>, <c>/legal/terms</c>, <c>/legal/about</c>.</summary>
    public static IEndpointRouteBuilder MapLegal(this IEndpointRouteBuilder endpoints) => endpoints.MapLegalPages();
}
