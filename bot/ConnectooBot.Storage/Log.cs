using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage;

/// <summary>All of the storage layer's log lines (EventIds 2000–2999). Never a key value that names a person above Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Storage tables are ready ({Count} tables, backend {Backend})")]
    public static partial void TablesReady(ILogger logger, int count, StorageBackend backend);

    [LoggerMessage(2002, LogLevel.Warning, "Storage is not reachable yet (attempt {Attempt}); retrying in {Delay}")]
    public static partial void StorageNotReady(ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(2110, LogLevel.Warning, "Injected fault (Storage:Faults): {Store} call {Operation} fails as an outage")]
    public static partial void FaultInjectedFailure(ILogger logger, string store, string operation);

    [LoggerMessage(2111, LogLevel.Warning, "Injected fault (Storage:Faults): {Store} call {Operation} is held and will not return")]
    public static partial void FaultInjectedHold(ILogger logger, string store, string operation);
}
