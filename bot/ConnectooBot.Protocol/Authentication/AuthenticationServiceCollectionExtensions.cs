using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Protocol.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    // PLACEHOLDER (skeleton commit): replaced by the JWT validator work in this same change set.
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration) => services;
}
