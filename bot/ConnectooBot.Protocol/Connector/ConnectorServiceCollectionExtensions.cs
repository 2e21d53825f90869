using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Protocol.Connector;

public static class ConnectorServiceCollectionExtensions
{
    // PLACEHOLDER (skeleton commit): replaced by the connector client work in this same change set.
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration) => services;
}
