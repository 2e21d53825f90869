using System.Diagnostics;
using System.Diagnostics.Metrics;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>
/// The bot's own instruments, on the meter <see cref="MeterName"/>. Tags are closed sets (activity type, conversation
/// kind, outcome, record kind): never an id, a name or a text.
/// </summary>
public sealed class BotMetrics : IConflictObserver
{
    public const string MeterName = "ConnectooBot";
    public const string TurnsName = "connectoo.turns";
    public const string TurnDurationName = "connectoo.turn.duration";
    public const string StorageConflictsName = "connectoo.storage.conflicts";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _conflicts;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>(TurnsName, "{turn}", "Turns run through the pipeline, by activity type, conversation kind and outcome.");
        _turnDuration = meter.CreateHistogram<double>(TurnDurationName, "ms", "How long a turn took, from the first middleware to the end of the handler.");
        _conflicts = meter.CreateCounter<long>(StorageConflictsName, "{conflict}", "Writes that lost an ETag race and were tried again, by record kind.");
    }

    public void TurnCompleted(TurnLabels labels, string outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var tags = new TagList
        {
            { TurnLabels.ActivityTypeTag, labels.ActivityType },
            { TurnLabels.ConversationKindTag, labels.ConversationKind },
            { TurnLabels.OutcomeTag, outcome },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalMilliseconds, tags);
    }

    public void OnConflict(string record) => _conflicts.Add(1, new KeyValuePair<string, object?>("storage.record", record));
}
