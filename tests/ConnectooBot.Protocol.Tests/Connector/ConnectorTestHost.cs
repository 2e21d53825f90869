using ConnectooBot.Protocol.Connector;
using ConnectooBot.Testing.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>
/// The real connector registration (<see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/>) talking to a
/// <see cref="RecordingConnector"/> over loopback HTTP. By default the token comes from a
/// <see cref="FakeBotAccessTokenProvider"/>; pass <c>useRealTokenProvider</c> to keep the MSAL registration.
/// </summary>
internal sealed class ConnectorTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorTestHost(RecordingConnector connector, ServiceProvider services, FakeBotAccessTokenProvider tokens)
    {
        Connector = connector;
        _services = services;
        Tokens = tokens;
    }

    public RecordingConnector Connector { get; }

    public FakeBotAccessTokenProvider Tokens { get; }

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public string ServiceUrl => Connector.ServiceUrl;

    public IServiceProvider Services => _services;

    public static async Task<ConnectorTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        TimeProvider? timeProvider = null,
        bool useRealTokenProvider = false,
        string environment = "Development")
    {
        var connector = await RecordingConnector.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Bot:Connector:BaseRetryDelay"] = "00:00:00.010",
            ["Bot:Connector:MaxRetryDelay"] = "00:00:05",
            ["Bot:Connector:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddBotConnector(configuration);
        var tokens = new FakeBotAccessTokenProvider();
        if (!useRealTokenProvider)
        {
            services.Replace(ServiceDescriptor.Singleton<IBotAccessTokenProvider>(tokens));
        }

        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            await provider.DisposeAsync();
            await connector.DisposeAsync();
            throw;
        }

        return new ConnectorTestHost(connector, provider, tokens);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
