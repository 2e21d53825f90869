using ConnectooBot.Protocol.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Tests.Authentication;

public sealed class ProductionStartupTests
{
    private static async Task<Exception?> StartAsync(string environment, string? appId)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (appId is not null)
        {
            builder.Configuration["Bot:AppId"] = appId;
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
}
