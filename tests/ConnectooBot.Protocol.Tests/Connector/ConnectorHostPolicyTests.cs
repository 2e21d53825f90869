using ConnectooBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Tests.Connector;

public sealed class ConnectorHostPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.TrafficManager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net:443/amer", true)]
    [InlineData("https://europe.botframework.com/", true)]
    [InlineData("https://a.b.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch", true)]
    [InlineData("https://botframework.com/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://evil.example/smba.trafficmanager.net/", false)]
    [InlineData("https://user@smba.trafficmanager.net/emea/", false)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://teams.microsoft.com/", false)]
    [InlineData("http://127.0.0.1:56150/_connector", false)]
    public void IsAllowed_DefaultListOutsideDevelopment_AllowsOnlyTeamsHostsOverHttps(string url, bool expected)
    {
        var policy = Policy(new ConnectorOptions(), "Production");

        Assert.Equal(expected, policy.IsAllowed(new Uri(url)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector")]
    [InlineData("http://localhost:3979/")]
    [InlineData("http://[::1]:3979/")]
    [InlineData("https://127.0.0.2/")]
    public void IsAllowed_LoopbackUnsetInDevelopment_IsAllowed(string url)
    {
        Assert.True(Policy(new ConnectorOptions(), "Development").IsAllowed(new Uri(url)));
    }

    [Theory]
    [InlineData(null, "Production", false)]
    [InlineData(null, "Staging", false)]
    [InlineData(false, "Development", false)]
    [InlineData(true, "Testing", true)]
    public void IsAllowed_Loopback_FollowsSettingAndEnvironment(bool? allowLoopback, string environment, bool expected)
    {
        var policy = Policy(new ConnectorOptions { AllowLoopbackServiceUrls = allowLoopback }, environment);

        Assert.Equal(expected, policy.IsAllowed(new Uri("http://127.0.0.1:56150/_connector")));
    }

    [Fact]
    public void IsAllowed_ConfiguredList_ReplacesTheDefaults()
    {
        var policy = Policy(new ConnectorOptions { AllowedServiceHosts = ["*.example.org"] }, "Production");

        Assert.True(policy.IsAllowed(new Uri("https://bot.example.org/")));
        Assert.False(policy.IsAllowed(new Uri("https://smba.trafficmanager.net/emea/")));
    }

    [Fact]
    public void IsAllowed_NonLoopbackHttpEvenIfListed_IsRefused()
    {
        var policy = Policy(new ConnectorOptions { AllowedServiceHosts = ["bot.example.org"] }, "Development");

        Assert.False(policy.IsAllowed(new Uri("http://bot.example.org/")));
    }

    private static ConnectorHostPolicy Policy(ConnectorOptions options, string environment) =>
        new(Options.Create(options), new TestHostEnvironment(environment));
}
