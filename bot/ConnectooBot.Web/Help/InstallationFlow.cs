using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Help;

/// <summary>
/// The bot added to a personal chat (welcome card) or to or from a team (told to every
/// <see cref="ITeamInstallationListener"/>: the managers feature keeps the team and posts its introduction).
/// Teams announces an install twice — conversationUpdate and installationUpdate — so only the first speaks.
/// Conversation references themselves are kept by <see cref="ConversationDirectory"/>.
/// </summary>
internal sealed class InstallationFlow(WelcomeFlow welcome, IEnumerable<ITeamInstallationListener> teamListeners)
{
    public async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (TeamsActivity.BotWasRemoved(activity) && !TeamsActivity.IsPersonal(activity))
        {
            foreach (var listener in teamListeners)
            {
                await listener.OnRemovedFromTeamAsync(turn, cancellationToken);
            }

            return;
        }

        if (!TeamsActivity.BotWasAdded(activity))
        {
            return;
        }

        if (TeamsActivity.IsPersonal(activity))
        {
            await welcome.SendWelcomeAsync(turn, cancellationToken);
            return;
        }

        foreach (var listener in teamListeners)
        {
            await listener.OnAddedToTeamAsync(turn, cancellationToken);
        }
    }
}
