using System.Diagnostics.Metrics;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// The pipeline's counters on the <c>ConnectooBot.Delivery</c> meter (for OpenTelemetry): deliveries.sent and
/// deliveries.throttled tagged with the kind, deliveries.failed with the kind and the reason, deliveries.retried.
/// </summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "ConnectooBot.Delivery";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _retried;

    public DeliveryMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("deliveries.sent", "{message}", "Messages Teams accepted.");
        _failed = meter.CreateCounter<long>("deliveries.failed", "{message}", "Recipients recorded as failed, by reason.");
        _throttled = meter.CreateCounter<long>("deliveries.throttled", "{response}", "429 answers; the tenant was paused.");
        _retried = meter.CreateCounter<long>("deliveries.retried", "{message}", "Transient failures returned to the queue for another attempt.");
    }

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind, string reason) =>
        _failed.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    public void Throttled(string kind) => _throttled.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Retried(string kind, string reason) =>
        _retried.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));
}
