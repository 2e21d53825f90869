namespace ConnectooBot.Testing.Load;

/// <summary>One simulated user of a load run: sends its next activity and says how the bot answered.</summary>
public interface ITurnSource
{
    Task<TurnOutcome> NextTurnAsync(HttpClient bot, CancellationToken cancellationToken);
}

/// <summary>One turn as the load driver saw it: the HTTP status and whether the answer was the expected one.</summary>
public readonly record struct TurnOutcome(int Status, bool Expected, string Kind);
