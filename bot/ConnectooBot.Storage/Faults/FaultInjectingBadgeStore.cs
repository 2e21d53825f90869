using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Storage.Faults;

/// <summary>
/// The badge store with the faults of <see cref="StorageFaultOptions"/> injected into the calls a turn makes to show or
/// issue a badge (<see cref="FindByLearnerAsync"/>, <see cref="SaveAsync"/>); every other call goes straight through.
/// </summary>
internal sealed class FaultInjectingBadgeStore(IBadgeStore inner, StorageFaultOptions options, TimeProvider time, ILogger<FaultInjectingBadgeStore> logger) : IBadgeStore
{
    private const string Store = "badge store";
    private readonly FaultBudget _failures = new(options.BadgeStoreFailures);
    private readonly FaultBudget _holds = new(options.BadgeStoreHolds);
    private readonly TimeSpan _writeDelay = options.BadgeStoreWriteDelay;

    public async Task<BadgeRecord> SaveAsync(BadgeRecord record, CancellationToken cancellationToken)
    {
        await BeforeAsync(nameof(SaveAsync), cancellationToken);
        if (_writeDelay > TimeSpan.Zero)
        {
            await Task.Delay(_writeDelay, time, cancellationToken);
        }

        return await inner.SaveAsync(record, cancellationToken);
    }

    public async Task<IReadOnlyList<BadgeRecord>> FindByLearnerAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        await BeforeAsync(nameof(FindByLearnerAsync), cancellationToken);
        return await inner.FindByLearnerAsync(learner, cancellationToken);
    }

    public Task<BadgeRecord?> FindAsync(string badgeId, CancellationToken cancellationToken) => inner.FindAsync(badgeId, cancellationToken);

    public Task<BadgeRecord?> RevokeAsync(string badgeId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.RevokeAsync(badgeId, reason, at, cancellationToken);

    public Task<IReadOnlyList<RevokedStatus>> ListRevokedAsync(CancellationToken cancellationToken) => inner.ListRevokedAsync(cancellationToken);

    public Task<int> DeleteForLearnerAsync(LearnerKey learner, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.DeleteForLearnerAsync(learner, at, cancellationToken);

    private async Task BeforeAsync(string operation, CancellationToken cancellationToken)
    {
        if (_failures.TryTake())
        {
            throw InjectedFault.Outage(logger, Store, operation);
        }

        if (_holds.TryTake())
        {
            await InjectedFault.HoldAsync(logger, Store, operation, time, cancellationToken);
        }
    }
}
