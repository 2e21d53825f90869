using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using ConnectooBot.Web.Hosting.Telemetry;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class MetricExportTests
{
    [Theory]
    [InlineData("ConnectooBot", BotMetrics.TurnsName)]
    [InlineData("ConnectooBot.Delivery", "connectoo.deliveries.sent")]
    public void Counter_OnAConnectooBotMeter_IsExported(string meterName, string instrument)
    {
        var exported = new ConcurrentQueue<string>();
        using (var provider = Provider(exported))
        {
            var meterProvider = provider.GetRequiredService<MeterProvider>();
            var meter = provider.GetRequiredService<IMeterFactory>().Create(meterName);
            meter.CreateCounter<long>(instrument).Add(1);

            meterProvider.ForceFlush();
        }

        Assert.Contains(instrument, exported);
    }

    [Fact]
    public void Counter_OnAnotherMeter_IsNotExported()
    {
        var exported = new ConcurrentQueue<string>();
        using (var provider = Provider(exported))
        {
            var meterProvider = provider.GetRequiredService<MeterProvider>();
            provider.GetRequiredService<IMeterFactory>().Create("Contoso.Other").CreateCounter<long>("contoso.things").Add(1);

            meterProvider.ForceFlush();
        }

        Assert.DoesNotContain("contoso.things", exported);
    }

    private static ServiceProvider Provider(ConcurrentQueue<string> exported)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryExporters.OtlpVariable] = "http://127.0.0.1:9" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddTelemetry(configuration, new TestEnvironment());
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(new BaseExportingMetricReader(new NameExporter(exported))));
        return services.BuildServiceProvider();
    }

    private sealed class NameExporter(ConcurrentQueue<string> names) : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                names.Enqueue(metric.Name);
            }

            return ExportResult.Success;
        }
    }
}
