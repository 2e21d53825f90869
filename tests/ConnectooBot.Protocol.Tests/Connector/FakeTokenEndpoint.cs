using System.Net;
using System.Text;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>
/// Stands in for Entra ID and IMDS behind MSAL's HttpClient (MSAL refuses an http authority, so a loopback token
/// server cannot be used): records each token request and answers a token valid for <see cref="ExpiresInSeconds"/>.
/// </summary>
internal sealed class FakeTokenEndpoint : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<(Uri Uri, string Body)> _requests = [];

    public string AccessToken { get; set; } = "msal-token-1";

    public int ExpiresInSeconds { get; set; } = 3599;

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public IReadOnlyList<(Uri Uri, string Body)> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_gate)
        {
            _requests.Add((request.RequestUri!, body));
        }

        var json = Status != HttpStatusCode.OK
            ? """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}"""
            : request.RequestUri!.Host == "169.254.169.254"
                ? $$"""{"access_token":"{{AccessToken}}","expires_in":"{{ExpiresInSeconds}}","expires_on":"{{DateTimeOffset.UtcNow.AddSeconds(ExpiresInSeconds).ToUnixTimeSeconds()}}","resource":"https://api.botframework.com","token_type":"Bearer"}"""
                : $$"""{"token_type":"Bearer","expires_in":{{ExpiresInSeconds}},"ext_expires_in":{{ExpiresInSeconds}},"access_token":"{{AccessToken}}"}""";
        return new HttpResponseMessage(Status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
