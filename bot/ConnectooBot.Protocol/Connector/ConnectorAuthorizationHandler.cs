using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// The last handler before the network, run once per attempt: refuses any request whose host is not allowed
/// (<see cref="ConnectorFailure.HostNotAllowed"/>, nothing is sent) and attaches the bearer token otherwise.
/// The token therefore never leaves for a host outside the allow-list.
/// </summary>
public sealed class ConnectorAuthorizationHandler(
    ConnectorHostPolicy hostPolicy,
    IBotAccessTokenProvider tokenProvider,
    ILogger<ConnectorAuthorizationHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = null;
        if (!hostPolicy.IsAllowed(request.RequestUri))
        {
            var host = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Host : null;
            Log.ConnectorHostRejected(logger, host);
            throw new ConnectorException(
                ConnectorFailure.HostNotAllowed,
                null,
                null,
                $"The serviceUrl host '{host}' is not on the connector allow-list (Bot:Connector:AllowedServiceHosts); nothing was sent.");
        }

        var token = await tokenProvider.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
