using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Storage;
using ConnectooBot.Protocol.Turns;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The outermost middleware: a failed turn is logged once and the user gets a short apology in their language
/// (as the invoke response for a button, as a message otherwise). When Teams says the conversation is gone, it is
/// marked inactive instead. Only cancellation at shutdown goes through.
/// </summary>
internal sealed class ErrorBoundaryMiddleware(
    ConversationDirectory conversations,
    CardReplies replies,
    IHostApplicationLifetime lifetime,
    ILogger<ErrorBoundaryMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(cancellationToken);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw;
        }
        catch (ActivityAlreadyClaimedException)
        {
            throw; // another instance has this activity: not a failure of this turn, nothing to apologise for
        }
        catch (ConnectorException ex) when (ex.Failure.MeansConversationGone())
        {
            Log.ConversationGone(logger, ex.Failure, ex.ErrorCode ?? string.Empty);
            var activity = turn.Activity;
            if (activity.TenantId is { } tenant && TeamsActivity.BareConversationId(activity) is { } conversation)
            {
                await conversations.MarkInactiveAsync(tenant, conversation, activity.ServiceUrl!, ex.Failure.ToString(), CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            Log.TurnFailed(logger, ex, turn.Activity.Type ?? string.Empty);
            await ApologizeAsync(turn);

            // Storage unreachable: nothing was saved (writes are single ETag-checked operations), so Teams may retry.
            turn.RetryRequested = StorageFaults.IsUnavailable(ex);
        }
    }

    private async Task ApologizeAsync(TurnContext turn)
    {
        var language = Languages.FromLocale(TeamsActivity.LocaleOf(turn.Activity));
        var text = replies.Text(language, "error.text");
        if (turn.IsInvoke)
        {
            turn.InvokeResponse = InvokeResponses.Message(text);
            return;
        }

        try
        {
            await replies.SendAsync(turn, "notice", language, CancellationToken.None, new Dictionary<string, JsonNode?> { ["text"] = text });
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or OperationCanceledException || StorageFaults.IsUnavailable(ex))
        {
            Log.ApologyFailed(logger, ex);
        }
    }
}
