using ConnectooBot.Protocol.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ConnectooBot.Protocol.Tests.Authentication;

public sealed class ProductionStartupTests
{
    private static async Task<Exception?> StartAsync(string environment, string? appId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (appId is not null)
        {
            builder.Configuration["Bot:AppId"] = appId;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddBotAuthentication(builder.Configuration);
        await using var app = builder.Build();
        try
        {
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Production_WithoutAppId_RefusesToStart()
    {
        var error = await StartAsync(Environments.Production, appId: null);

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Bot:AppId is required in Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithAppId_Starts()
    {
        Assert.Null(await StartAsync(Environments.Production, appId: "00000000-0000-0000-0000-00000000b071"));
    }

    [Fact]
    public async Task Development_WithoutAppId_StartsWithAuthenticationOff()
    {
        Assert.Null(await StartAsync(Environments.Development, appId: null));
    }

    [Fact]
    public async Task KeyRefreshIntervalBelowIdentityModelsMinimum_RefusesToStart()
    {
        // Before: it started, and every request then failed with 500 (IDX10108 from IdentityModel).
        var tooShort = ConfigurationManager<OpenIdConnectConfiguration>.MinimumAutomaticRefreshInterval - TimeSpan.FromSeconds(1);

        var error = await StartAsync(Environments.Production, appId: "00000000-0000-0000-0000-00000000b071", new Dictionary<string, string>
        {
            ["Bot:Authentication:KeyRefreshInterval"] = tooShort.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("KeyRefreshInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRefreshIntervalAtIdentityModelsMinimum_Starts()
    {
        var minimum = ConfigurationManager<OpenIdConnectConfiguration>.MinimumAutomaticRefreshInterval;

        Assert.Null(await StartAsync(Environments.Production, appId: "00000000-0000-0000-0000-00000000b071", new Dictionary<string, string>
        {
            ["Bot:Authentication:KeyRefreshInterval"] = minimum.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        }));
    }
}
