using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Turns;

/// <summary>Told when the bot is added to or removed from a team (the managers feature listens).</summary>
public interface ITeamInstallationListener
{
    Task OnAddedToTeamAsync(TurnContext turn, CancellationToken cancellationToken);

    Task OnRemovedFromTeamAsync(TurnContext turn, CancellationToken cancellationToken);
}
