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
/// <c>POST /api/messages</c>, in a fixed order (ARCHITECTURE.md "A turn"); nothing is stored and nothing is sent
/// before the last check passed:
/// <list type="number">
/// <item>size limit (413);</item>
/// <item><c>Content-Type: application/json</c>, charset UTF-8 or none (415);</item>
/// <item>a JSON activity with type, absolute http(s) serviceUrl, conversation id and channelId, identifiers within
/// <see cref="ActivityBounds"/> and an aadObjectId that is a GUID (400);</item>
/// <item>the bearer token, its signing key endorsed for the activity's channel (401);</item>
/// <item>the token's serviceurl claim equal to the activity's serviceUrl (401);</item>
/// <item>a channel the bot serves, <see cref="ServedChannels"/> (403);</item>
/// <item>a serviceUrl on the connector allow-list, <see cref="ConnectorHostPolicy"/> (403): the bot would refuse to
/// answer there, so it keeps nothing from there either;</item>
/// <item>tenant allow-list (403);</item>
/// <item>duplicate check → pipeline (every connector call under the turn's deadline) → invoke response in the HTTP
/// response (501 when nobody answered), a plain 200, or 503 when the turn asked Teams to retry.</item>
/// </list>
/// A request refused at 2 or 3 is authenticated first, as if for Teams, so a caller without a valid token only ever
/// learns 401 (or 413).
/// </summary>
public sealed class BotRequestProcessor(
    IBotRequestAuthenticator authenticator,
    IConnectorClient connector,
    ConnectorHostPolicy hostPolicy,
    TurnPipeline pipeline,
    ActivityDeduplicator deduplicator,
    IOptions<BotEndpointOptions> options,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    ILogger<BotRequestProcessor> logger)
{
    /// <summary>The local client's channel is served only in Development with authentication off.</summary>
    private readonly bool _localDevelopment = authenticator.IsDisabled && environment.IsDevelopment();

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

        if (!JsonContentType.IsJson(request.ContentType))
        {
            return await RefuseAfterAuthenticationAsync(request, StatusCodes.Status415UnsupportedMediaType, "Content-Type is not application/json", cancellationToken).ConfigureAwait(false);
        }

        if (!TryParse(body.Bytes, out var activity, out var parseError))
        {
            return await RefuseAfterAuthenticationAsync(request, StatusCodes.Status400BadRequest, parseError, cancellationToken).ConfigureAwait(false);
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

        if (!ServedChannels.IsServed(activity.ChannelId, _localDevelopment))
        {
            Log.ChannelNotServed(logger, activity.ChannelId is { Length: > 64 } longId ? longId[..64] + "…" : activity.ChannelId ?? "(none)");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var serviceUri = new Uri(activity.ServiceUrl!, UriKind.Absolute);
        if (!hostPolicy.IsAllowed(serviceUri))
        {
            Log.ServiceUrlRejected(logger, serviceUri.Host);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
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

    /// <summary>
    /// A request refused for its form (415, 400) is authenticated first, as if for Teams, the one channel served with
    /// authentication on: a caller without a valid token learns 401 and nothing about what the bot accepts.
    /// </summary>
    private async Task<IResult> RefuseAfterAuthenticationAsync(HttpRequest request, int status, string reason, CancellationToken cancellationToken)
    {
        var early = await authenticator.AuthenticateAsync(request.Headers.Authorization, ServedChannels.Teams, cancellationToken).ConfigureAwait(false);
        if (!early.Succeeded)
        {
            Log.Unauthorized(logger, early.FailureReason ?? "unknown");
            return Results.Unauthorized();
        }

        Log.MalformedActivity(logger, reason);
        return Results.StatusCode(status);
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

            if (string.IsNullOrWhiteSpace(parsed.ChannelId))
            {
                error = "no channelId";
                return false;
            }

            // Identifiers become storage keys: refused here rather than by Table Storage halfway through a turn.
            if (ActivityBounds.Violation(parsed) is { } violation)
            {
                error = violation;
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
