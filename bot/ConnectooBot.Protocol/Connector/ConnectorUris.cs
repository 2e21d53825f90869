namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// Connector REST v3 addresses (teams-protocol.md §3.2): the serviceUrl without its trailing slash, then the path,
/// with every id escaped (<c>Uri.EscapeDataString</c>: conversation ids hold <c>:</c>, <c>@</c> and <c>;</c>).
/// </summary>
internal static class ConnectorUris
{
    public static Uri Activities(string serviceUrl, string conversationId) =>
        Create(serviceUrl, $"v3/conversations/{E(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        Create(serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}");

    public static Uri Conversations(string serviceUrl) => Create(serviceUrl, "v3/conversations");

    public static Uri PagedMembers(string serviceUrl, string conversationId, int? pageSize, string? continuationToken)
    {
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={E(continuationToken)}");
        }

        var path = $"v3/conversations/{E(conversationId)}/pagedmembers";
        return Create(serviceUrl, query.Count == 0 ? path : $"{path}?{string.Join('&', query)}");
    }

    public static Uri Member(string serviceUrl, string conversationId, string memberId) =>
        Create(serviceUrl, $"v3/conversations/{E(conversationId)}/members/{E(memberId)}");

    public static Uri Team(string serviceUrl, string teamId) => Create(serviceUrl, $"v3/teams/{E(teamId)}");

    public static Uri TeamChannels(string serviceUrl, string teamId) => Create(serviceUrl, $"v3/teams/{E(teamId)}/conversations");

    private static Uri Create(string serviceUrl, string relative)
    {
        if (!Uri.TryCreate(serviceUrl?.Trim(), UriKind.Absolute, out var service)
            || (service.Scheme != Uri.UriSchemeHttps && service.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(service.Query) || !string.IsNullOrEmpty(service.Fragment))
        {
            throw new ConnectorException(ConnectorFailure.HostNotAllowed, null, null, "The serviceUrl is not an absolute http(s) URL; nothing was sent.");
        }

        var baseUrl = service.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{baseUrl}/{relative}", UriKind.Absolute);
    }

    private static string E(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }
}
