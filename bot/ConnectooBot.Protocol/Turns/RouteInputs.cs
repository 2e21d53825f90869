using System.Text.Json.Nodes;

namespace ConnectooBot.Protocol.Turns;

/// <summary>A text command: <paramref name="Command"/> is the route's name, <paramref name="Arguments"/> what followed the alias.</summary>
public sealed record TextCommand(string Command, string Alias, string Arguments, string Text);

/// <summary>
/// A card button press, whichever way it arrived: an <c>adaptiveCard/action</c> invoke (Action.Execute) or a
/// message whose <c>value</c> carries a <c>verb</c> (the Action.Submit fallback).
/// </summary>
public sealed record CardActionInput(string Verb, JsonObject Data, bool ViaInvoke);

public delegate Task TurnRoute(TurnContext turn, CancellationToken cancellationToken);

public delegate Task TurnRoute<in TInput>(TurnContext turn, TInput input, CancellationToken cancellationToken);
