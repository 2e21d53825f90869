using ConnectooBot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>Start-up validation of <c>Bot</c> credentials and <c>Bot:Connector</c> settings.</summary>
public sealed class ConnectorOptionsValidationTests
{
    private const string AppId = "11111111-1111-1111-1111-111111111111";

    public static TheoryData<string, BotCredentialOptions, bool> CredentialCases() => new()
    {
        { "no app id, development", new BotCredentialOptions(), true },
        { "single tenant with secret", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.SingleTenant, TenantId = "t", ClientSecret = "s" }, true },
        { "single tenant without tenant", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.SingleTenant, ClientSecret = "s" }, false },
        { "single tenant without secret or certificate", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.SingleTenant, TenantId = "t" }, false },
        { "single tenant with secret and missing certificate file", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.SingleTenant, TenantId = "t", ClientSecret = "s", CertificatePath = "/nonexistent/bot.pfx" }, false },
        { "multi tenant with secret", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.MultiTenant, ClientSecret = "s" }, true },
        { "multi tenant without secret", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.MultiTenant }, false },
        { "managed identity", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.UserAssignedMSI }, true },
        { "managed identity with a secret", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.UserAssignedMSI, ClientSecret = "s" }, false },
        { "app id without app type", new BotCredentialOptions { AppId = AppId, ClientSecret = "s" }, false },
        { "certificate password without certificate", new BotCredentialOptions { AppId = AppId, AppType = BotAppType.MultiTenant, ClientSecret = "s", CertificatePassword = "p" }, false },
    };

    [Theory]
    [MemberData(nameof(CredentialCases))]
    public void BotCredentialOptionsValidator_Case_PassesOnlyWhenComplete(string name, BotCredentialOptions options, bool valid)
    {
        var result = new BotCredentialOptionsValidator(new TestHostEnvironment("Development")).Validate(null, options);

        Assert.True(valid == result.Succeeded, $"{name}: {result.FailureMessage}");
    }

    [Fact]
    public void BotCredentialOptionsValidator_NoAppIdInProduction_Fails()
    {
        var result = new BotCredentialOptionsValidator(new TestHostEnvironment("Production")).Validate(null, new BotCredentialOptions());

        Assert.True(result.Failed);
        Assert.Contains("Bot:AppId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Production", false)]
    [InlineData(true, "Development", true)]
    [InlineData(false, "Production", true)]
    [InlineData(null, "Production", true)]
    public void ConnectorOptionsValidator_AllowLoopback_IsRefusedOnlyInProduction(bool? allowLoopback, string environment, bool valid)
    {
        var result = new ConnectorOptionsValidator(new TestHostEnvironment(environment))
            .Validate(null, new ConnectorOptions { AllowLoopbackServiceUrls = allowLoopback });

        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("smba.*.net")]
    [InlineData("https://smba.trafficmanager.net")]
    [InlineData(" ")]
    public void ConnectorOptionsValidator_InvalidHostPattern_Fails(string pattern)
    {
        var result = new ConnectorOptionsValidator().Validate(null, new ConnectorOptions { AllowedServiceHosts = [pattern] });

        Assert.True(result.Failed);
    }

    [Fact]
    public void ConnectorOptionsValidator_Defaults_Pass()
    {
        Assert.True(new ConnectorOptionsValidator(new TestHostEnvironment("Production")).Validate(null, new ConnectorOptions()).Succeeded);
    }

    [Fact]
    public void AddBotConnector_LoopbackAllowedInProduction_FailsAtStart()
    {
        using var services = Build(new() { ["Bot:AppId"] = AppId, ["Bot:AppType"] = "UserAssignedMSI", ["Bot:Connector:AllowLoopbackServiceUrls"] = "true" }, "Production");

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AllowLoopbackServiceUrls", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotConnector_ConfiguredHostList_ReplacesTheDefaultsInsteadOfAppending()
    {
        using var services = Build(new() { ["Bot:Connector:AllowedServiceHosts:0"] = "bot.example.org" }, "Development");

        var options = services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(["bot.example.org"], options.EffectiveServiceHosts);
    }

    [Fact]
    public void AddBotConnector_Defaults_AreTheDocumentedOnes()
    {
        using var services = Build([], "Development");

        var options = services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(ConnectorOptions.DefaultServiceHosts, options.EffectiveServiceHosts);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal("https://api.botframework.com/.default", options.Scope);
        Assert.Null(options.AllowLoopbackServiceUrls);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, string environment)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment));
        services.AddBotConnector(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
