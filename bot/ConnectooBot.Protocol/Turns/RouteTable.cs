using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Turns;

/// <summary>
/// The turn handler built from named routes: text commands (several aliases each, mention stripped), card verbs
/// (Action.Execute or Action.Submit), and activity types. Duplicate registrations throw when the table is built.
/// An unmatched invoke is answered 501; an unmatched message goes to the fallback route.
/// </summary>
public sealed class RouteTable : ITurnHandler
{
    private readonly List<(string Alias, string Key, string Command, TurnRoute<TextCommand> Route)> _aliases = [];
    private readonly Dictionary<string, TurnRoute<CardActionInput>> _verbs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TurnRoute> _activityTypes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _commands = new(StringComparer.OrdinalIgnoreCase);
    private TurnRoute<string>? _unrecognizedText;
    private TurnRoute<CardActionInput>? _unknownCardAction;

    /// <summary>The command names and their aliases, as registered (for help texts and the manifest check).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Commands =>
        _aliases.GroupBy(a => a.Command, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.Alias)], StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Verbs => _verbs.Keys;

    public RouteTable OnCommand(string command, IEnumerable<string> aliases, TurnRoute<TextCommand> route)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(aliases);
        if (!_commands.Add(command))
        {
            throw new InvalidOperationException($"The command '{command}' is registered twice.");
        }

        foreach (var alias in aliases)
        {
            var key = IncomingText.Key(alias);
            var clash = _aliases.FirstOrDefault(a => a.Key == key);
            if (clash.Route is not null)
            {
                if (string.Equals(clash.Command, command, StringComparison.OrdinalIgnoreCase))
                {
                    continue; // the same word in two languages for one command
                }

                throw new InvalidOperationException($"The alias '{alias}' is used by '{clash.Command}' and '{command}'.");
            }

            _aliases.Add((alias, key, command, route));
        }

        // Longest alias first, so "delete my data" wins over "delete".
        _aliases.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        return this;
    }

    public RouteTable OnUnrecognizedText(TurnRoute<string> route)
    {
        _unrecognizedText = _unrecognizedText is null ? route : throw new InvalidOperationException("The fallback text route is registered twice.");
        return this;
    }

    public RouteTable OnCardAction(string verb, TurnRoute<CardActionInput> route)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        if (!_verbs.TryAdd(verb, route))
        {
            throw new InvalidOperationException($"The card verb '{verb}' is registered twice.");
        }

        return this;
    }

    /// <summary>A verb nobody handles (an old card after an update, or a forged one).</summary>
    public RouteTable OnUnknownCardAction(TurnRoute<CardActionInput> route)
    {
        _unknownCardAction = _unknownCardAction is null ? route : throw new InvalidOperationException("The unknown-verb route is registered twice.");
        return this;
    }

    public RouteTable OnActivity(string activityType, TurnRoute route)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityType);
        if (!_activityTypes.TryAdd(activityType, route))
        {
            throw new InvalidOperationException($"The activity type '{activityType}' is registered twice.");
        }

        return this;
    }

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (ActivityTypes.Is(activity.Type, ActivityTypes.Invoke))
        {
            await OnInvokeAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (ActivityTypes.Is(activity.Type, ActivityTypes.Message))
        {
            await OnMessageAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.Type is not null && _activityTypes.TryGetValue(activity.Type, out var route))
        {
            await route(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finds the command route for a cleaned text, if any.</summary>
    public TextCommand? Match(string cleanedText)
    {
        ArgumentNullException.ThrowIfNull(cleanedText);
        var key = IncomingText.Key(cleanedText);
        foreach (var (alias, aliasKey, command, _) in _aliases)
        {
            if (key == aliasKey || key.StartsWith(aliasKey + " ", StringComparison.Ordinal))
            {
                var arguments = key.Length == aliasKey.Length ? string.Empty : ArgumentsAfter(cleanedText, aliasKey);
                return new TextCommand(command, alias, arguments, cleanedText);
            }
        }

        return null;
    }

    private async Task OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.OrdinalIgnoreCase))
        {
            turn.InvokeResponse = InvokeResponses.NotImplemented;
            return;
        }

        var action = (activity.Value as JsonObject)?["action"] as JsonObject;
        var type = action?["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var verb = action?["verb"] is JsonValue v && v.TryGetValue<string>(out var vs) ? vs : null;
        if (action is null || !string.Equals(type, "Action.Execute", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(verb))
        {
            turn.InvokeResponse = InvokeResponses.BadRequest("Expected an Action.Execute with a verb.");
            return;
        }

        var data = action["data"] as JsonObject ?? [];
        await DispatchCardActionAsync(turn, new CardActionInput(verb, data, ViaInvoke: true), cancellationToken).ConfigureAwait(false);
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Value is JsonObject value && value["verb"] is JsonValue verbNode && verbNode.TryGetValue<string>(out var verb)
            && !string.IsNullOrWhiteSpace(verb))
        {
            await DispatchCardActionAsync(turn, new CardActionInput(verb, value, ViaInvoke: false), cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = IncomingText.Clean(activity);
        var command = Match(text);
        if (command is not null)
        {
            var route = _aliases.First(a => string.Equals(a.Command, command.Command, StringComparison.OrdinalIgnoreCase)).Route;
            await route(turn, command, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_unrecognizedText is not null)
        {
            await _unrecognizedText(turn, text, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DispatchCardActionAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (_verbs.TryGetValue(input.Verb, out var route))
        {
            await route(turn, input, cancellationToken).ConfigureAwait(false);
        }
        else if (_unknownCardAction is not null)
        {
            await _unknownCardAction(turn, input, cancellationToken).ConfigureAwait(false);
        }
        else if (input.ViaInvoke)
        {
            turn.InvokeResponse = InvokeResponses.NotImplemented;
        }
    }

    private static string ArgumentsAfter(string cleanedText, string aliasKey)
    {
        // Keep the user's own spelling of the arguments: skip as many words as the alias has.
        var aliasWords = aliasKey.Split(' ').Length;
        var words = cleanedText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(aliasWords));
    }
}
