using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The answer to a learner's command or button outside a personal chat (Start, Continue, badge, reminders… in a
/// channel): the team introduction, which says the course happens in the personal chat, in the sender's stored
/// language (<see cref="SenderLanguage"/>), not the en-US that channel clicks often carry.
/// </summary>
internal sealed class TeamIntroReply(CardReplies replies, SenderLanguage languages)
{
    public async Task AnswerAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = await languages.OfSenderAsync(turn.Activity, cancellationToken);
        await replies.AnswerAsync(turn, fromCard, "team-intro", language, cancellationToken);
    }
}
