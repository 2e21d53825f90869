using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Turns;

/// <summary>Keeps the reference of every conversation the bot hears from, through the <see cref="ConversationDirectory"/>, before the turn runs.</summary>
internal sealed class ConversationCaptureMiddleware(ConversationDirectory directory) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        await directory.RecordAsync(turn.Activity, cancellationToken);
        await next(cancellationToken);
    }
}
