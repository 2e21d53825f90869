using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Turns;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Help;

/// <summary>
/// Help and welcome: the welcome on install, greetings, "help" (in a channel, the managers' commands), small talk and
/// the FAQ (<c>dialogs-content/faq/</c>), a pointer to the lesson step that teaches a subject the learner names, the
/// answer to text the bot does not understand and to unknown buttons.
/// </summary>
public static class HelpFeature
{
    public static IServiceCollection AddHelpAndWelcome(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>();
        services.AddSingleton(sp =>
        {
            var library = TalkLibraryLoader.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.RootPath, sp.GetRequiredService<UiContent>());
            Log.TalkLoaded(sp.GetRequiredService<ILogger<TalkLibrary>>(), library.Questions.Topics.Count, library.SmallTalk.Kinds.Count);
            return library;
        });
        services.AddSingleton(sp =>
        {
            var subjects = SubjectIndex.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.RootPath, sp.GetRequiredService<Learning.Catalog.Course>());
            var logger = sp.GetRequiredService<ILogger<SubjectIndex>>();
            Log.SubjectsLoaded(logger, subjects.Placed);
            foreach (var (subject, language) in subjects.Unplaced)
            {
                Log.SubjectWithoutStep(logger, subject, language);
            }

            return subjects;
        });
        services.AddHostedService<TalkWarmup>();
        services.AddSingleton<HelpTexts>();
        services.AddSingleton<WelcomeFlow>();
        services.AddSingleton<HelpFlow>();
        services.AddSingleton<InstallationFlow>();
        return services.AddBotRoutes<HelpRoutes>();
    }

    private sealed class HelpRoutes(HelpFlow help, InstallationFlow installation) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("hello", help.GreetAsync)
            .Command("help", (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: false, ct))
            .CardAction("help.show", (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: true, ct))
            .UnrecognizedText(help.UnrecognizedTextAsync)
            .UnknownCardAction((turn, _, ct) => help.StaleCardAsync(turn, ct))
            .Activity(ActivityTypes.ConversationUpdate, installation.OnConversationUpdateAsync);
    }

    /// <summary>Loads the FAQ and the subjects at start-up (constructing them does it), so a broken file stops the host, not a turn.</summary>
    private sealed class TalkWarmup(TalkLibrary library, SubjectIndex subjects) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(library);
            ArgumentNullException.ThrowIfNull(subjects);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
