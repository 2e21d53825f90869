namespace ConnectooBot.Protocol.Turns;

/// <summary>Runs the registered middleware in registration order, then the handler (botbuilder's MiddlewareSet idea).</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, ITurnHandler handler)
{
    private readonly ITurnMiddleware[] _middleware = [.. middleware];

    public Task RunAsync(TurnContext turn, CancellationToken cancellationToken) => RunFromAsync(0, turn, cancellationToken);

    private Task RunFromAsync(int index, TurnContext turn, CancellationToken cancellationToken)
    {
        if (index == _middleware.Length)
        {
            return handler.OnTurnAsync(turn, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turn, ct => RunFromAsync(index + 1, turn, ct), cancellationToken);
    }
}
