using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Hosting.Telemetry;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Turns;

public static class TurnsServiceCollectionExtensions
{
    /// <summary>
    /// What every feature's turns share: the content (course and interface texts, checked at start-up), card
    /// rendering and replies, the learner of a turn, the shared activity claims (so an activity re-delivered to
    /// another instance is processed once), private messages, signed links, the conversation directory, the
    /// middleware (error boundary → turn telemetry → conversation capture) and the route table made of every
    /// feature's <see cref="IBotRoutes"/>.
    /// </summary>
    public static IServiceCollection AddTurns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>()
            .Bind(configuration.GetSection(ContentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var content = ContentLoader.LoadInterface(sp.GetRequiredService<IOptions<ContentOptions>>().Value.RootPath);
            Log.ContentLoaded(sp.GetRequiredService<ILogger<UiContent>>(), content.Texts.Count, content.Templates.Count, content.Commands.Count);
            return content;
        });
        services.AddSingleton<Learning.Catalog.Course>(sp => ContentLoader.LoadCourse(sp.GetRequiredService<IOptions<ContentOptions>>().Value.RootPath));
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<CardReplies>();
        services.AddSingleton<LearnerSessions>();
        services.AddSingleton<SenderLanguage>();
        services.AddSingleton<TeamIntroReply>();
        services.AddSingleton<ISharedActivityClaims, StoredActivityClaims>();
        services.AddSingleton<PrivateMessenger>();
        services.AddSingleton<SignedTokens>();
        services.AddSingleton<ConversationDirectory>();
        services.AddSingleton<ConversationCaptureMiddleware>();
        services.AddSingleton<ErrorBoundaryMiddleware>();

        // Order matters: the error boundary wraps everything, including the conversation capture; the turn telemetry
        // sits right inside it, to see the exceptions the boundary turns into apologies.
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<ErrorBoundaryMiddleware>());
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<TurnTelemetryMiddleware>());
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<ConversationCaptureMiddleware>());
        services.AddSingleton(sp => BotRoutes.Build(sp.GetRequiredService<UiContent>(), sp.GetServices<IBotRoutes>()));
        services.AddSingleton<ITurnHandler>(sp => sp.GetRequiredService<RouteTable>());
        services.AddHostedService<ContentWarmup>();
        return services;
    }

    /// <summary>Adds a feature's commands and card verbs to the route table.</summary>
    public static IServiceCollection AddBotRoutes<TRoutes>(this IServiceCollection services)
        where TRoutes : class, IBotRoutes
    {
        services.AddSingleton<IBotRoutes, TRoutes>();
        return services;
    }
}
