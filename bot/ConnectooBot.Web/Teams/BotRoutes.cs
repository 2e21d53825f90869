using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Content;

namespace ConnectooBot.Web.Teams;

/// <summary>The bot's route table: text commands (words from <c>dialogs-content/commands.yaml</c>), card verbs and install events.</summary>
internal static class BotRoutes
{
    public static class Verbs
    {
        public const string CourseStart = "course.start";
        public const string HelpShow = "help.show";
    }

    public static RouteTable Build(UiContent content, WelcomeFlow welcome, HelpFlow help, CourseFlow course, InstallationFlow installation)
    {
        var routes = new RouteTable()
            .OnCommand("hello", WordsOf(content, "hello"), (turn, _, ct) => welcome.SendWelcomeAsync(turn, ct))
            .OnCommand("help", WordsOf(content, "help"), (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: false, ct))
            .OnCommand("start", WordsOf(content, "start"), (turn, _, ct) => course.StartAsync(turn, fromCard: false, ct))
            .OnUnrecognizedText(help.UnrecognizedTextAsync)
            .OnCardAction(Verbs.CourseStart, (turn, _, ct) => course.StartAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.HelpShow, (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: true, ct))
            .OnUnknownCardAction((turn, _, ct) => help.StaleCardAsync(turn, ct))
            .OnActivity(ActivityTypes.ConversationUpdate, installation.OnConversationUpdateAsync);
        var unrouted = content.Commands.Keys.Except(routes.Commands.Keys, StringComparer.Ordinal).ToList();
        return unrouted.Count == 0
            ? routes
            : throw new ContentValidationException([.. unrouted.Select(c => $"commands.yaml: '{c}' has no route in the bot.")]);
    }

    private static IEnumerable<string> WordsOf(UiContent content, string command) =>
        content.Commands.TryGetValue(command, out var byLanguage)
            ? byLanguage.Values.SelectMany(words => words)
            : throw new ContentValidationException([$"commands.yaml: the command '{command}' is missing."]);
}
