using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Managers;

/// <summary>
/// The bot added to a team: the team is recorded with the installer as its first manager, and the introduction
/// (with the weekly-nudge offer) is posted in the channel the installer chose, in the installer's language (their
/// stored language, else the install's locale), which becomes the team's language. Removed: the team is made inactive.
/// </summary>
internal sealed class TeamInstallation(TeamRegistry teams, SenderLanguage languages, CardReplies replies) : ITeamInstallationListener
{
    public async Task OnAddedToTeamAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = await languages.OfSenderAsync(activity, cancellationToken);
        await teams.OnInstalledAsync(activity, language, cancellationToken);
        var card = replies.Render("team-intro", language, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["offerNudges"] = true });
        var channel = activity.ChannelData?.Settings?.SelectedChannel?.Id
            ?? TeamsActivity.BareConversationId(activity)
            ?? activity.ChannelData?.Team?.Id;
        var message = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
        await turn.Connector.SendToConversationAsync(activity.ServiceUrl!, channel!, message, cancellationToken);
    }

    public Task OnRemovedFromTeamAsync(TurnContext turn, CancellationToken cancellationToken) =>
        teams.OnRemovedAsync(turn.Activity, cancellationToken);
}
