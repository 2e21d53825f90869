using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Help;

/// <summary>Help and welcome: the welcome on install and "hello", "help", the answer to text the bot does not understand and to unknown buttons.</summary>
public static class HelpFeature
{
    public static IServiceCollection AddHelpAndWelcome(this IServiceCollection services)
    {
        services.AddSingleton<WelcomeFlow>();
        services.AddSingleton<HelpFlow>();
        services.AddSingleton<InstallationFlow>();
        return services.AddBotRoutes<HelpRoutes>();
    }

    private sealed class HelpRoutes(WelcomeFlow welcome, HelpFlow help, InstallationFlow installation) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("hello", (turn, _, ct) => welcome.SendWelcomeAsync(turn, ct))
            .Command("help", (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: false, ct))
            .CardAction("help.show", (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: true, ct))
            .UnrecognizedText(help.UnrecognizedTextAsync)
            .UnknownCardAction((turn, _, ct) => help.StaleCardAsync(turn, ct))
            .Activity(ActivityTypes.ConversationUpdate, installation.OnConversationUpdateAsync);
    }
}
