using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ConnectooBot.Benchmarks;

/// <summary>
/// The live managed heap of another .NET process: opens an EventPipe session with the runtime's GCHeapCollect keyword,
/// which makes the process run a full blocking collection (as dotnet-gcdump does, without walking the heap), and sums
/// the bytes that survived it, from that collection's GCHeapStats event. Resident memory counts what the GC has not yet
/// collected or returned to the system; this counts only what the process still holds.
/// </summary>
internal static class ManagedHeap
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    public static async Task<long> LiveBytesAfterFullCollectionAsync(int processId, TimeSpan timeout)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider(RuntimeProvider, EventLevel.Informational, keywords)], requestRundown: false, circularBufferMB: 64, CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);
        var live = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullCollectionRunning = false;
        source.Clr.GCStart += e => fullCollectionRunning |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (fullCollectionRunning)
            {
                live.TrySetResult(e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4);
            }
        };
        var reading = Task.Run(source.Process);
        try
        {
            return await live.Task.WaitAsync(timeout);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading.WaitAsync(timeout);
        }
    }
}
