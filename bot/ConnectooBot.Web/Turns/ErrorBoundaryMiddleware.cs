using ConnectooBot.Learning.Catalog;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Storage;
using ConnectooBot.Protocol.Turns;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The outermost middleware: a failed turn is logged once and the user gets a short apology in their language
/// (as the invoke response for a button, as a message otherwise). When Teams says the conversation is gone, it is
/// marked inactive instead; when Teams refuses the serviceUrl (403 InvalidBotApiHost), it is marked too, with one warning
/// per conversation and no apology (it could not be delivered either). Only cancellation at shutdown goes through.
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
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or OperationCanceledException)
        {
            Log.ApologyFailed(logger, ex);
        }
    }
}
