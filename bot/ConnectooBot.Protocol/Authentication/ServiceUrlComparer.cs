namespace ConnectooBot.Protocol.Authentication;

/// <summary>Compares the token's <c>serviceurl</c> claim with <c>activity.serviceUrl</c>: case and a trailing slash do not matter.</summary>
public static class ServiceUrlComparer
{
    public static bool AreSame(string? claim, string? activityServiceUrl)
    {
        if (string.IsNullOrWhiteSpace(claim) || string.IsNullOrWhiteSpace(activityServiceUrl))
        {
            return false;
        }

        return string.Equals(Normalize(claim), Normalize(activityServiceUrl), StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string url) => url.Trim().TrimEnd('/');
}
