namespace ConnectooBot.Web.Hosting;

internal static partial class Log
{
    [LoggerMessage(3700, LogLevel.Information, "Stopping: waiting for {Count} requests in flight to finish")]
    public static partial void DrainingRequests(ILogger logger, int count);

    [LoggerMessage(3701, LogLevel.Information, "Stopping: the requests in flight finished after {Elapsed}")]
    public static partial void RequestsDrained(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(3702, LogLevel.Warning, "Stopping: the shutdown timeout passed with {Count} requests still in flight")]
    public static partial void DrainTimedOut(ILogger logger, int count);
}
