using System.Text.Json;
using ConnectooBot.Protocol.Authentication;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>, in a fixed order (ARCHITECTURE.md "A turn"): size limit (413) → bearer token (401) →
/// JSON body (400) → serviceUrl claim (401) → tenant allow-list (403) → duplicate check → pipeline →
/// invoke response in the HTTP response (501 when nobody answered) or a plain 200.
/// </summary>
public sealed class BotRequestProcessor(
    IBotRequestAuthenticator authenticator,
    IConnectorClient connector,
    TurnPipeline pipeline,
    ActivityDeduplicator deduplicator,
    IOptions<BotEndpointOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<BotRequestProcessor> logger)
{
    public async Task<IResult> ProcessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        (ReadOnlyMemory<byte> Bytes, bool TooLarge) body;
        try
        {
            body = await RequestBodyReader.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException || (ex is OperationCanceledException && request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            // A body shorter than its Content-Length, or a caller that hung up: nothing to process, nothing to report.
            Log.BodyIncomplete(logger, ex);
            return Results.BadRequest();
        }

        if (body.TooLarge)
        {
            Log.BodyTooLarge(logger, settings.MaxRequestBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!TryParse(body.Bytes, out var activity, out var parseError))
        {
            // Authenticate first anyway: an anonymous caller learns nothing about what we accept.
            var early = await authenticator.AuthenticateAsync(request.Headers.Authorization, null, cancellationToken).ConfigureAwait(false);
            if (!early.Succeeded)
            {
                Log.Unauthorized(logger, early.FailureReason ?? "unknown");
                return Results.Unauthorized();
            }

            Log.MalformedActivity(logger, parseError);
            return Results.BadRequest();
        }

        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization, activity.ChannelId, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            Log.Unauthorized(logger, auth.FailureReason ?? "unknown");
            return Results.Unauthorized();
        }

        if (!authenticator.IsDisabled && !ServiceUrlComparer.AreSame(auth.ServiceUrlClaim, activity.ServiceUrl))
        {
            Log.Unauthorized(logger, "serviceurl claim does not match activity.serviceUrl");
            return Results.Unauthorized();
        }

        if (settings.AllowedTenants.Count > 0 && !settings.AllowedTenants.Contains(activity.TenantId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            Log.TenantRejected(logger, activity.TenantId ?? "(none)");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        using var scope = Log.TurnScope(logger, activity.Type, activity.Id, activity.Conversation?.ConversationType);
        InvokeResponse? response;
        bool duplicate;
        try
        {
            (response, duplicate) = await deduplicator.RunOnceAsync(activity, () => RunTurnAsync(activity, auth)).ConfigureAwait(false);
        }
        catch (TurnRetryException)
        {
            Log.TurnToBeRetried(logger, activity.Type ?? string.Empty);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (duplicate)
        {
            Log.DuplicateActivity(logger, activity.Id ?? string.Empty);
        }

        if (ActivityTypes.Is(activity.Type, ActivityTypes.Invoke))
        {
            response ??= InvokeResponses.NotImplemented;
            return response.Body is null
                ? Results.StatusCode(response.Status)
                : Results.Json(response.Body, ProtocolJsonContext.Default.JsonNode, statusCode: response.Status);
        }

        return Results.Ok();
    }

    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, AuthenticationOutcome auth)
    {
        // Not cancelled when stopping begins: the host waits for turns in flight (graceful shutdown), and only a host
        // that gave up waiting (ApplicationStopped) cancels what is left.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopped);
        timeout.CancelAfter(options.Value.TurnTimeout);
        // With a shared claim, the turn's connector calls take it first (no message before the activity is ours).
        var turnConnector = TurnClaim.Current is { } claim ? new ClaimingConnectorClient(connector, claim) : connector;
        var turn = new TurnContext(activity, auth.Identity ?? new System.Security.Claims.ClaimsIdentity(), turnConnector);
        await pipeline.RunAsync(turn, timeout.Token).ConfigureAwait(false);
        return turn.RetryRequested ? throw new TurnRetryException() : turn.InvokeResponse;
    }

    private const int MaxIdLength = 1024;
    private const int MaxServiceUrlLength = 2048;

    private static bool TryParse(ReadOnlyMemory<byte> bytes, out Activity activity, out string error)
    {
        activity = null!;
        try
        {
            var parsed = JsonSerializer.Deserialize(bytes.Span, ProtocolJsonContext.Default.Activity);
            if (parsed is null || string.IsNullOrWhiteSpace(parsed.Type))
            {
                error = "no activity type";
                return false;
            }

            if (string.IsNullOrWhiteSpace(parsed.ServiceUrl) || !Uri.TryCreate(parsed.ServiceUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                error = "no absolute http(s) serviceUrl";
                return false;
            }

            if (string.IsNullOrWhiteSpace(parsed.Conversation?.Id))
            {
                error = "no conversation id";
                return false;
            }

            // Teams ids are a few hundred characters at most; longer ones cannot be answered (the reply URL would be refused).
            if (parsed.ServiceUrl.Length > MaxServiceUrlLength
                || new[]
                {
                    parsed.Conversation.Id, parsed.From?.Id, parsed.Recipient?.Id, parsed.ReplyToId, parsed.Id, parsed.TenantId,
                    parsed.ChannelData?.Team?.Id, parsed.ChannelData?.Channel?.Id, parsed.ChannelData?.Settings?.SelectedChannel?.Id,
                }.Any(id => id?.Length > MaxIdLength))
            {
                error = "an identifier is too long";
                return false;
            }

            // JSON allows null items in lists; nothing downstream should have to expect them.
            parsed.Entities = parsed.Entities is null ? null : [.. parsed.Entities.Where(e => e is not null)];
            parsed.Attachments = parsed.Attachments is null ? null : [.. parsed.Attachments.Where(a => a is not null)];
            parsed.MembersAdded = parsed.MembersAdded is null ? null : [.. parsed.MembersAdded.Where(m => m is not null)];
            parsed.MembersRemoved = parsed.MembersRemoved is null ? null : [.. parsed.MembersRemoved.Where(m => m is not null)];
            activity = parsed;
            error = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON at {ex.Path ?? "$"}";
            return false;
        }
        catch (InvalidOperationException)
        {
            error = "invalid JSON structure";
            return false;
        }
    }
}
