using ConnectooBot.Web.Content;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Legal;

public static class LegalServiceCollectionExtensions
{
    /// <summary>
    /// The privacy notice, terms of use and about page from <c>dialogs-content/legal</c> (under
    /// <c>Content:RootPath</c>), loaded and checked at start-up. Map them with <see cref="LegalEndpoints.MapLegalPages"/>.
    /// </summary>
    public static IServiceCollection AddLegalPages(this IServiceCollection services)
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
}
