namespace ConnectooBot.Web.Turns;

/// <summary>
/// A feature's part of the route table: the text commands it answers (their words come from
/// <c>dialogs-content/commands.yaml</c>) and the card verbs it handles. Registered with
/// <see cref="TurnsServiceCollectionExtensions.AddBotRoutes{TRoutes}"/>.
/// </summary>
public interface IBotRoutes
{
    void Register(BotRouteBuilder routes);
}
