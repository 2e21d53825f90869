using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Privacy;

/// <summary>"my data" (a card and a signed link to the page and JSON), "delete my data", and the retention purge of inactive learners.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PersonalDataStore>();
        services.AddSingleton<PersonalDataLinks>();
        services.AddSingleton<PersonalDataSummary>();
        services.AddSingleton<PrivacyFlow>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services.AddBotRoutes<PrivacyRoutes>();
    }

    /// <summary><c>GET /my-data?t=…</c> and <c>/my-data.json?t=…</c>.</summary>
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder endpoints) => endpoints.MapPersonalDataEndpoints();

    private sealed class PrivacyRoutes(PrivacyFlow privacy) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("my-data", (turn, _, ct) => privacy.ShowAsync(turn, ct))
            .Command("delete-my-data", (turn, _, ct) => privacy.AskToDeleteAsync(turn, ct))
            .CardAction("data.delete", privacy.DeleteAsync)
            .CardAction("data.keep", privacy.CancelAsync);
    }
}
