using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Protocol.Hosting;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to the bot. Authentication is done by the processor, explicitly, not by middleware.</summary>
    public static RouteHandlerBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        return endpoints.MapPost(pattern, (HttpRequest request, BotRequestProcessor processor, CancellationToken cancellationToken) =>
            processor.ProcessAsync(request, cancellationToken));
    }
}
