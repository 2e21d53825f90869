using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ConnectooBot.Web.Delivery;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>Collects the delivery counters of one host (its meter factory), as "name" and "name|reason" totals.</summary>
internal sealed class DeliveryCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public DeliveryCounters(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DeliveryMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, n) => n + value);
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    _totals.AddOrUpdate($"{instrument.Name}|{tag.Value}", value, (_, n) => n + value);
                }
            }
        });
        _listener.Start();
    }

    public long this[string name] => _totals.GetValueOrDefault(name);

    public void Dispose() => _listener.Dispose();
}
