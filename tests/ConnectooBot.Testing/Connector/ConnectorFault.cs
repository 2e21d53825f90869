using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectooBot.Testing.Connector;

/// <summary>A failure the <see cref="RecordingConnector"/> answers on demand: status, Teams error body, Retry-After.</summary>
public sealed record ConnectorFault(int StatusCode, string? Body, string? RetryAfter = null)
{
    /// <summary>How long the connector holds the request before answering; the client usually gives up first (timeout).</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>No answer for <paramref name="delay"/> (then 504): the client's timeout fires, nothing is delivered.</summary>
    public static ConnectorFault Hang(TimeSpan delay) => Error(504, "GatewayTimeout", "The recording connector hung.") with { Delay = delay };

    /// <summary><c>{"error":{"code","message"}}</c>; without a code, the usual Teams code for the status.</summary>
    public static ConnectorFault Error(int statusCode, string? code = null, string? message = null) =>
        new(statusCode, ErrorBody(code ?? DefaultCode(statusCode), message ?? $"Recording connector fault {statusCode}."));

    /// <summary>429 Throttled with <c>Retry-After: seconds</c> (rounded up).</summary>
    public static ConnectorFault Throttled(TimeSpan retryAfter) =>
        new(429, ErrorBody("Throttled", "Too many requests."), Seconds(retryAfter));

    /// <summary>429 Throttled with <c>Retry-After</c> as an HTTP date.</summary>
    public static ConnectorFault ThrottledUntil(DateTimeOffset until) =>
        new(429, ErrorBody("Throttled", "Too many requests."), until.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The nested 403 Teams sends for a user who blocked or uninstalled the bot (teams-protocol.md §5.3).</summary>
    public static ConnectorFault MessageWritesBlocked() =>
        new(403, new JsonObject
        {
            ["errorCode"] = 209,
            ["message"] = new JsonObject { ["subCode"] = "MessageWritesBlocked", ["message"] = "Thread is blocked for writes." }.ToJsonString(),
        }.ToJsonString());

    public static string DefaultCode(int statusCode) => statusCode switch
    {
        400 => "BadArgument",
        401 => "BotNotRegistered",
        403 => "Forbidden",
        404 => "ConversationNotFound",
        412 => "PreconditionFailed",
        413 => "MessageSizeTooBig",
        429 => "Throttled",
        _ => "ServiceError",
    };

    private static string ErrorBody(string code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    private static string Seconds(TimeSpan delay) =>
        ((long)Math.Ceiling(Math.Max(0, delay.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
}
