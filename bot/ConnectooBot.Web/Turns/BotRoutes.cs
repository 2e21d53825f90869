using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Turns;

/// <summary>The bot's route table, made of every feature's <see cref="IBotRoutes"/>; every command of commands.yaml must be routed.</summary>
internal static class BotRoutes
{
    public static RouteTable Build(UiContent content, IEnumerable<IBotRoutes> features)
    {
        var routes = new RouteTable();
        var builder = new BotRouteBuilder(routes, content);
        foreach (var feature in features)
        {
            feature.Register(builder);
        }

        var unrouted = content.Commands.Keys.Except(routes.Commands.Keys, StringComparer.Ordinal).ToList();
        return unrouted.Count == 0
            ? routes
            : throw new ContentValidationException([.. unrouted.Select(c => $"commands.yaml: '{c}' has no route in the bot.")]);
    }
}
