using System.Globalization;
using ConnectooBot.Benchmarks;

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

return args switch
{
    ["connector", var rate, var urlFile, var statsFile] => await ConnectorMode.RunAsync(Number(rate), urlFile, statsFile),
    ["enqueue", var count, var runId, var serviceUrl] => await EnqueueMode.RunAsync(Number(count), runId, serviceUrl),
    ["wait", var runId, var statsFile, var timeout] => await WaitMode.RunAsync(runId, statsFile, Number(timeout), null),
    ["wait", var runId, var statsFile, var timeout, var delivered] => await WaitMode.RunAsync(runId, statsFile, Number(timeout), Number(delivered)),
    ["turns", var botDll, var peerDir, var outMarkdown] => await TurnsMode.RunAsync(botDll, peerDir, outMarkdown, quick: false),
    ["turns", var botDll, var peerDir, var outMarkdown, "quick"] => await TurnsMode.RunAsync(botDll, peerDir, outMarkdown, quick: true),
    ["ratio", var botDll, var levels] => await TurnsMode.RatioAsync(botDll, levels),
    ["auth", var botDll, var outMarkdown] => await AuthMode.RunAsync(botDll, outMarkdown, quick: false),
    ["auth", var botDll, var outMarkdown, "quick"] => await AuthMode.RunAsync(botDll, outMarkdown, quick: true),
    ["memory", var botDll, var learners, var quiet] => await MemoryMode.RunAsync(botDll, Number(learners), Number(quiet)),
    ["drive", var url, var content, var seconds, var concurrency] => await DriveMode.RunAsync(new Uri(url), content, Number(seconds), Number(concurrency)),
    ["insights", var counts] => await InsightsMode.RunAsync(counts),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: connector RATE URL_FILE STATS_FILE | enqueue COUNT RUN_ID SERVICE_URL | wait RUN_ID STATS_FILE TIMEOUT_S [DELIVERED_AT_LEAST] | turns BOT_DLL PEER_DIR OUT_MD [quick] | ratio BOT_DLL LEVELS | auth BOT_DLL OUT_MD [quick] | memory BOT_DLL LEARNERS QUIET_S | drive BOT_URL CONTENT_DIR SECONDS CONCURRENCY | insights LEARNERS[,LEARNERS…]");
    return 2;
}
