using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using ConnectooBot.Web.Hosting.Telemetry;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class LogExportTests
{
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";

    private readonly CapturingLogExporter _exported = new();

    [Fact]
    public void Error_WithAzureMonitor_GoesOutAsTemplateWithTheExceptionMessageWithheld()
    {
        using (var provider = Provider())
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ConnectooBot.Web.Teams");
            var failure = new InvalidOperationException("The learner tenant/29a3c7e0-aad-object-id changed since it was read.");

            logger.LogError(failure, "A {ActivityType} turn failed", "message");
        }

        var log = Assert.Single(_exported.Logs);
        Assert.Equal("A {ActivityType} turn failed", log.Body);
        Assert.Null(log.FormattedMessage);
        var redacted = Assert.IsType<RedactedException>(log.Exception);
        Assert.Equal(typeof(InvalidOperationException).FullName, redacted.OriginalType);
        Assert.DoesNotContain("29a3c7e0", redacted.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_WithAzureMonitor_IsNotExported()
    {
        using (var provider = Provider())
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ConnectooBot.Web.Teams");

            logger.LogDebug("Chose the next module");
            logger.LogTrace("The learner wrote personal words");
        }

        Assert.Empty(_exported.Logs);
    }

    private ServiceProvider Provider()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryExporters.AzureMonitorVariable] = ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddTelemetry(configuration, new TestEnvironment());
        services.ConfigureOpenTelemetryLoggerProvider(logs => logs.AddProcessor(new SimpleLogRecordExportProcessor(_exported)));
        return services.BuildServiceProvider();
    }
}
