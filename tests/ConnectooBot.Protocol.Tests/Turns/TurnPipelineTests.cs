using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Protocol.Tests.Turns;

public sealed class TurnPipelineTests
{
    private sealed class Recording(List<string> log, string name, bool stop = false) : ITurnMiddleware
    {
        public async Task OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
        {
            log.Add($"{name}:before");
            if (!stop)
            {
                await next(cancellationToken);
            }

            log.Add($"{name}:after");
        }
    }

    private sealed class Handler(List<string> log) : ITurnHandler
    {
        public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            log.Add("handler");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task RunAsync_RunsMiddlewareInOrderAroundTheHandler()
    {
        var log = new List<string>();
        var pipeline = new TurnPipeline([new Recording(log, "a"), new Recording(log, "b")], new Handler(log));

        await pipeline.RunAsync(TestTurns.For(TestTurns.Message("x")), CancellationToken.None);

        Assert.Equal(["a:before", "b:before", "handler", "b:after", "a:after"], log);
    }

    [Fact]
    public async Task RunAsync_MiddlewareThatDoesNotCallNext_ShortCircuits()
    {
        var log = new List<string>();
        var pipeline = new TurnPipeline([new Recording(log, "a", stop: true), new Recording(log, "b")], new Handler(log));

        await pipeline.RunAsync(TestTurns.For(TestTurns.Message("x")), CancellationToken.None);

        Assert.Equal(["a:before", "a:after"], log);
    }
}
