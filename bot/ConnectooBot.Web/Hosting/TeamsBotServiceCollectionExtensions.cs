using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Cards;
using ConnectooBot.Web.Content;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Teams;
using ConnectooBot.Web.Teams.Badge;
using ConnectooBot.Web.Teams.Course;
using ConnectooBot.Web.Teams.Managers;
using ConnectooBot.Web.Teams.Nudges;
using ConnectooBot.Web.Teams.Privacy;
using ConnectooBot.Web.Teams.Progress;
using ConnectooBot.Web.Teams.Reminders;
using ConnectooBot.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Extensions;

public static class TeamsBotServiceCollectionExtensions
{
    /// <summary>The Teams side of the bot: content, cards, flows, middleware and the route table.</summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>()
            .Bind(configuration.GetSection(ContentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var content = UiContentLoader.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.RootPath);
            Log.ContentLoaded(sp.GetRequiredService<ILogger<UiContent>>(), content.Texts.Count, content.Templates.Count, content.Commands.Count);
            return content;
        });
        services.AddSingleton<CardRenderer>();
        services.AddSingleton<CardReplies>();
        services.AddSingleton<LearnerSessions>();
        services.AddSingleton<WelcomeFlow>();
        services.AddSingleton<HelpFlow>();
        services.AddSingleton(sp => CourseLoader.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.RootPath));
        services.AddSingleton<CourseCards>();
        services.AddSingleton<JourneyFlow>();
        services.AddSingleton<LanguageFlow>();
        services.AddSingleton<ModulePreview>();
        services.AddSingleton<InstallationFlow>();
        services.AddSingleton<BadgeCards>();
        services.AddSingleton<LearnerTeams>();
        services.AddSingleton<BadgeFlow>();
        services.AddOptions<ManagerOptions>().Bind(configuration.GetSection(ManagerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManagerOptions>, ManagerOptionsValidator>();
        services.AddSingleton<ManagerAccess>();
        services.AddSingleton<TeamRegistry>();
        services.AddSingleton<ManagersFlow>();
        services.AddSingleton<TeamReports>();
        services.AddSingleton<ProgressCards>();
        services.AddSingleton<SignedTokens>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ProgressFlow>();
        services.AddSingleton<PrivateMessenger>();
        services.AddSingleton<ProactiveOutbox>();
        services.AddOptions<NudgeOptions>().Bind(configuration.GetSection(NudgeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NudgeCards>();
        services.AddSingleton<NudgesFlow>();
        services.AddSingleton<NudgeAnswerFlow>();
        services.AddSingleton<NudgeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NudgeScheduler>());
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RemindersFlow>();
        services.AddSingleton<PersonalDataStore>();
        services.AddSingleton<PersonalDataLinks>();
        services.AddSingleton<PersonalDataSummary>();
        services.AddSingleton<PrivacyFlow>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddSingleton<ConversationCaptureMiddleware>();
        services.AddSingleton<ErrorBoundaryMiddleware>();
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<IConflictObserver>(sp => sp.GetRequiredService<BotMetrics>());
        services.AddSingleton<TurnTelemetryMiddleware>();

        // Order matters: the error boundary wraps everything, including the conversation capture; the turn telemetry
        // sits right inside it, to see the exceptions the boundary turns into apologies.
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<ErrorBoundaryMiddleware>());
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<TurnTelemetryMiddleware>());
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<ConversationCaptureMiddleware>());
        services.AddSingleton(sp => BotRoutes.Build(
            sp.GetRequiredService<UiContent>(),
            sp.GetRequiredService<WelcomeFlow>(),
            sp.GetRequiredService<HelpFlow>(),
            sp.GetRequiredService<JourneyFlow>(),
            sp.GetRequiredService<LanguageFlow>(),
            sp.GetRequiredService<BadgeFlow>(),
            sp.GetRequiredService<ProgressFlow>(),
            sp.GetRequiredService<ManagersFlow>(),
            sp.GetRequiredService<NudgesFlow>(),
            sp.GetRequiredService<NudgeAnswerFlow>(),
            sp.GetRequiredService<RemindersFlow>(),
            sp.GetRequiredService<PrivacyFlow>(),
            sp.GetRequiredService<InstallationFlow>()));
        services.AddSingleton<ITurnHandler>(sp => sp.GetRequiredService<RouteTable>());
        services.AddHostedService<ContentWarmup>();
        return services;
    }
}
