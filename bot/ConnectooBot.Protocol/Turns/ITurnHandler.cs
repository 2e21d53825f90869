namespace ConnectooBot.Protocol.Turns;

/// <summary>The end of the pipeline: the bot's own logic for one turn.</summary>
public interface ITurnHandler
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Continues the pipeline.</summary>
public delegate Task NextTurn(CancellationToken cancellationToken);

/// <summary>Work around every turn (log scope, error boundary, conversation capture…): call <c>next</c> to go on.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken);
}
