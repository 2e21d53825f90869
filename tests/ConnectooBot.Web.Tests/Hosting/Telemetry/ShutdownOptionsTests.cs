using ConnectooBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Tests.BotHosting;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class ShutdownOptionsTests
{
    [Fact]
    public async Task ShutdownTimeout_FromConfiguration_SetsTheHostsShutdownTimeout()
    {
        await using var bot = await BotHost.StartAsync(configure: settings => settings["Hosting:ShutdownTimeout"] = "00:01:30");

        Assert.Equal(TimeSpan.FromSeconds(90), bot.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task ShutdownTimeout_ShorterThanTheTurnTimeout_FailsAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(configure: settings =>
        {
            settings["Hosting:ShutdownTimeout"] = "00:00:10";
            settings["Bot:Endpoint:TurnTimeout"] = "00:00:20";
        }));

        Assert.Contains("Hosting:ShutdownTimeout", error.Message, StringComparison.Ordinal);
    }
}
