using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Content;

namespace ConnectooBot.Web.Teams;

/// <summary>
/// The bot added to a personal chat (welcome card) or to a team (introduction posted in the channel the installer
/// chose). Teams announces an install twice — conversationUpdate and installationUpdate — so only the first speaks.
/// Conversation references themselves are kept by <see cref="ConversationCaptureMiddleware"/>.
/// </summary>
internal sealed class InstallationFlow(WelcomeFlow welcome, CardReplies replies, Managers.TeamRegistry teams)
{
    public async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (TeamsActivity.BotWasRemoved(activity) && !TeamsActivity.IsPersonal(activity))
        {
            await teams.OnRemovedAsync(activity, cancellationToken);
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

        await PostTeamIntroductionAsync(turn, cancellationToken);
    }

    private async Task PostTeamIntroductionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        await teams.OnInstalledAsync(activity, cancellationToken);
        var language = Languages.FromLocale(TeamsActivity.LocaleOf(activity));
        var card = replies.Render("team-intro", language, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["offerNudges"] = true });
        var channel = activity.ChannelData?.Settings?.SelectedChannel?.Id
            ?? TeamsActivity.BareConversationId(activity)
            ?? activity.ChannelData?.Team?.Id;
        var message = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
        await turn.Connector.SendToConversationAsync(activity.ServiceUrl!, channel!, message, cancellationToken);
    }
}
