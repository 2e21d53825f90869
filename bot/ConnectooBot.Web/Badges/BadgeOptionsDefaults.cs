using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Badges;

/// <summary>In Development the badges point at the local bot unless an address is configured.</summary>
internal sealed class BadgeOptionsDefaults(IHostEnvironment environment) : IPostConfigureOptions<BadgeOptions>
{
    public const string DevelopmentBaseUrl = "http://127.0.0.1:3978";

    public void PostConfigure(string? name, BadgeOptions options)
    {
        if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            options.PublicBaseUrl = DevelopmentBaseUrl;
        }

        options.PublicBaseUrl = options.PublicBaseUrl.Trim().TrimEnd('/');
    }
}
