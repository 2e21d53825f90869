using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Turns;

/// <summary>What a feature may add to the route table: commands by name (words in every language), card verbs, and the fallbacks.</summary>
public sealed class BotRouteBuilder(RouteTable table, UiContent content)
{
    public BotRouteBuilder Command(string command, TurnRoute<TextCommand> route)
    {
        table.OnCommand(command, WordsOf(command), route);
        return this;
    }

    public BotRouteBuilder CardAction(string verb, TurnRoute<CardActionInput> route)
    {
        table.OnCardAction(verb, route);
        return this;
    }

    public BotRouteBuilder UnrecognizedText(TurnRoute<string> route)
    {
        table.OnUnrecognizedText(route);
        return this;
    }

    public BotRouteBuilder UnknownCardAction(TurnRoute<CardActionInput> route)
    {
        table.OnUnknownCardAction(route);
        return this;
    }

    public BotRouteBuilder Activity(string activityType, TurnRoute route)
    {
        table.OnActivity(activityType, route);
        return this;
    }

    private IEnumerable<string> WordsOf(string command) =>
        content.Commands.TryGetValue(command, out var byLanguage)
            ? byLanguage.Values.SelectMany(words => words)
            : throw new ContentValidationException([$"commands.yaml: the command '{command}' is missing."]);
}
