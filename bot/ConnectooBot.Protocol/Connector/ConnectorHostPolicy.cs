using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// Decides which serviceUrls the bot may call, and so where its token may go (teams-protocol.md §3.1, §9.2):
/// https to an allow-listed host; http only to loopback (which never leaves the machine); loopback only when
/// allowed (by default in Development) or explicitly listed.
/// </summary>
public sealed class ConnectorHostPolicy(IOptions<ConnectorOptions> options, IHostEnvironment? environment = null)
{
    private readonly IReadOnlyList<string> _hosts = options.Value.EffectiveServiceHosts;
    private readonly bool _allowLoopback = options.Value.AllowLoopbackServiceUrls ?? environment?.IsDevelopment() == true;

    public bool IsAllowed(Uri? uri)
    {
        if (uri is not { IsAbsoluteUri: true } || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var loopback = uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback))
        {
            return false;
        }

        var host = uri.IdnHost;
        if (_hosts.Any(pattern => ServiceHostPattern.Matches(pattern, host)))
        {
            return true;
        }

        return loopback && _allowLoopback;
    }
}
