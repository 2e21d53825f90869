using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Badges.Schema;

/// <summary>
/// The host's own badge store with one addition: every credential the issuer saves — so every credential issued in a
/// test, by the issuer directly or through a conversation — is first checked against the official OB 3.0
/// AchievementCredential schema; a refused one throws <see cref="SchemaViolationException"/> and is not stored.
/// </summary>
internal sealed class SchemaCheckedBadgeStore(IBadgeStore inner) : IBadgeStore
{
    private int _checked;

    /// <summary>The store the host registered.</summary>
    public IBadgeStore Inner => inner;

    /// <summary>How many credentials passed the schema in this host.</summary>
    public int Checked => Volatile.Read(ref _checked);

    public Task<BadgeRecord> SaveAsync(BadgeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        AchievementCredentialSchema.AssertValid(record.Credential);
        Interlocked.Increment(ref _checked);
        return inner.SaveAsync(record, cancellationToken);
    }

    public Task<BadgeRecord?> FindAsync(string badgeId, CancellationToken cancellationToken) => inner.FindAsync(badgeId, cancellationToken);

    public Task<IReadOnlyList<BadgeRecord>> FindByLearnerAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        inner.FindByLearnerAsync(learner, cancellationToken);

    public Task<BadgeRecord?> RevokeAsync(string badgeId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.RevokeAsync(badgeId, reason, at, cancellationToken);

    public Task<IReadOnlyList<RevokedStatus>> ListRevokedAsync(CancellationToken cancellationToken) => inner.ListRevokedAsync(cancellationToken);

    public Task<int> DeleteForLearnerAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.DeleteForLearnerAsync(learner, at, cancellationToken);

    /// <summary>
    /// Wraps the badge store the host registered (the last registration: in-memory, Azure Tables or with injected
    /// faults) in a <see cref="SchemaCheckedBadgeStore"/>. Call from ConfigureServices/ConfigureTestServices.
    /// </summary>
    public static void Wrap(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IBadgeStore))
            ?? throw new InvalidOperationException("The host registers no IBadgeStore to check.");
        services.Remove(registered);
        services.AddSingleton(sp => new SchemaCheckedBadgeStore(Create(sp, registered)));
        services.AddSingleton<IBadgeStore>(sp => sp.GetRequiredService<SchemaCheckedBadgeStore>());
    }

    private static IBadgeStore Create(IServiceProvider services, ServiceDescriptor descriptor) => (IBadgeStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
