using System.Diagnostics;

namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>The bot's <see cref="ActivitySource"/>: one span per turn, under the HTTP request span.</summary>
public static class BotTracing
{
    public const string SourceName = "ConnectooBot";
    public const string TurnSpanName = "connectoo.turn";

    public static ActivitySource Source { get; } = new(SourceName);
}
