using ConnectooBot.Web.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// The Open Badges 3.0 badge: issued when the course is complete, posted and shared in Teams, verifiable on the
/// public pages, revocable by operators. The badge store comes from <c>AddStorage</c>.
/// </summary>
public static class BadgesFeature
{
    /// <summary>
    /// The issuer (options validated at start, signing key, credential builder, signer and verifier, revocation
    /// list, verification page) and the Teams side (badge card, sharing, the "badge" command and buttons).
    /// </summary>
    public static IServiceCollection AddBadges(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BadgeOptions>()
            .Bind(configuration.GetSection(BadgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<BadgeOptions>, BadgeOptionsDefaults>();
        services.AddSingleton<IValidateOptions<BadgeOptions>, BadgeOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<BadgeUrls>();
        services.AddSingleton<IPublicAddress>(sp => sp.GetRequiredService<BadgeUrls>());
        services.AddSingleton<BadgeSigningKeySource>();
        services.AddSingleton(sp => sp.GetRequiredService<BadgeSigningKeySource>().Load());
        services.AddSingleton<ILinkTokenKey, BadgeLinkTokenKey>();
        services.AddSingleton<BadgeTexts>();
        services.AddSingleton<BadgeCourseView>();
        services.AddSingleton<BadgeDocuments>();
        services.AddSingleton<CredentialBuilder>();
        services.AddSingleton<CredentialSigner>();
        services.AddSingleton<BadgeIssuer>();
        services.AddSingleton<BadgeVerifier>();
        services.AddSingleton<RevocationStatusList>();
        services.AddSingleton<BadgeImage>();
        services.AddSingleton<BadgePage>();
        services.AddHostedService<BadgeWarmup>();

        services.AddSingleton<BadgeCards>();
        services.AddSingleton<LearnerTeams>();
        services.AddSingleton<BadgeFlow>();
        services.AddSingleton<ICourseCompletionListener>(sp => sp.GetRequiredService<BadgeFlow>());
        return services.AddBotRoutes<BadgeRoutes>();
    }

    /// <summary>The public badge pages: verification, credential, image, issuer, revocation list.</summary>
    public static IEndpointRouteBuilder MapBadges(this IEndpointRouteBuilder endpoints) => endpoints.MapBadgeEndpoints();

    private sealed class BadgeRoutes(BadgeFlow badge) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("badge", (turn, _, ct) => badge.ShowAsync(turn, fromCard: false, ct))
            .CardAction("badge.show", (turn, _, ct) => badge.ShowAsync(turn, fromCard: true, ct))
            .CardAction("badge.share", badge.ShareAsync);
    }
}
