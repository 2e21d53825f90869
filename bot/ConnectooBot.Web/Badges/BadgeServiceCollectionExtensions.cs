using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Badges;

public static class BadgeServiceCollectionExtensions
{
    /// <summary>
    /// The Open Badges issuer: options (validated at start), the signing key, the credential builder, signer and
    /// verifier, the verification page, the revocation list and the badge store. Map the URLs with
    /// <see cref="BadgeEndpoints.MapBadgeEndpoints"/>.
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
        services.AddSingleton<BadgeSigningKeySource>();
        services.AddSingleton(sp => sp.GetRequiredService<BadgeSigningKeySource>().Load());
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
        services.AddBadgeStores(configuration);
        services.AddHostedService<BadgeWarmup>();
        return services;
    }

    /// <summary>
    /// The badge store: in memory when <c>Storage:Backend</c> is <c>InMemory</c>; otherwise the <c>Badges</c> table
    /// (after <c>Storage:TablePrefix</c>) through the registered <see cref="TableServiceClient"/> (AddStorage), or,
    /// when none is registered, one made from <c>Storage:ConnectionString</c>. An <see cref="IBadgeStore"/> registered
    /// before this call wins.
    /// </summary>
    public static IServiceCollection AddBadgeStores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<IBadgeStore>(sp =>
        {
            var storage = configuration.GetSection("Storage");
            if (string.Equals(storage["Backend"], "InMemory", StringComparison.OrdinalIgnoreCase))
            {
                return new InMemoryBadgeStore();
            }

            var tables = sp.GetService<TableServiceClient>()
                ?? (storage["ConnectionString"] is { Length: > 0 } connectionString
                    ? new TableServiceClient(connectionString)
                    : throw new InvalidOperationException(
                        "Badges need storage: register a TableServiceClient (AddStorage), set Storage:ConnectionString, or set Storage:Backend=InMemory."));
            return new TableBadgeStore(tables.GetTableClient(storage["TablePrefix"] + TableBadgeStore.TableName));
        });
        return services;
    }
}
