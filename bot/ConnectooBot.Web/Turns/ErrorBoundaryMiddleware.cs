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
/// (as the invoke response for a button, as a message otherwise), sent under the turn's own deadline: a turn that ran
/// out of time sends nothing more. A turn that failed for a passing reason (storage unreachable) is answered 503 for
/// Teams to retry, without an apology: the retry gives the real answer. When Teams says the conversation is gone, it
/// is marked inactive instead; when Teams refuses the serviceUrl (403 InvalidBotApiHost), it is marked too, with one
/// warning per conversation and no apology (it could not be delivered either). Only cancellation at shutdown goes through.
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
        catch (ConnectorException ex) when (ex.Failure.MeansWrongServiceHost())
        {
            // The reply (and an apology) cannot go out through this serviceUrl: mark the conversation, warn once.
            var activity = turn.Activity;
            if (activity.TenantId is { } tenant && TeamsActivity.BareConversationId(activity) is { } conversation
                && await conversations.MarkWrongServiceHostAsync(tenant, conversation, activity.ServiceUrl!, CancellationToken.None))
            {
                Log.WrongServiceHost(logger, ex.ErrorCode ?? string.Empty);
            }
            else
            {
                Log.WrongServiceHostAgain(logger);
            }
        }
        catch (Exception ex)
        {
            Log.TurnFailed(logger, ex, turn.Activity.Type ?? string.Empty);

            // Storage unreachable: nothing was saved (writes are single ETag-checked operations), so Teams may retry.
            if (StorageFaults.IsUnavailable(ex))
            {
                turn.RetryRequested = true;
                return;
            }

            await ApologizeAsync(turn, cancellationToken);
        }
    }

    private async Task ApologizeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(TeamsActivity.LocaleOf(turn.Activity));
        var text = replies.Text(language, "error.text");
        if (turn.IsInvoke)
        {
            turn.InvokeResponse = InvokeResponses.Message(text);
            return;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            Log.NoTimeForApology(logger);
            return;
        }

        try
        {
            await replies.SendAsync(turn, "notice", language, cancellationToken, new Dictionary<string, JsonNode?> { ["text"] = text });
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or OperationCanceledException || StorageFaults.IsUnavailable(ex))
        {
            Log.ApologyFailed(logger, ex);
        }
    }
}
