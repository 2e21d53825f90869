using Microsoft.Identity.Client;

namespace ConnectooBot.Protocol.Connector;

/// <summary>Gives MSAL its HttpClient from <see cref="IHttpClientFactory"/> (named <see cref="ClientName"/>), so tests can fake the token endpoint.</summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string ClientName = "ConnectooBot.Msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(ClientName);
}
