using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Managers;

/// <summary>
/// Keeps the record of each team the bot is in: created at install with the installer as its first manager,
/// refreshed on later activity, made inactive when the bot is removed.
/// </summary>
public sealed class TeamRegistry(TeamUpdater updater, ITeamStore store, TimeProvider time)
{
    /// <param name="language">The installer's language (<see cref="SenderLanguage"/>): the team's channel posts are written in it.</param>
    public Task<TeamRecord?> OnInstalledAsync(Activity activity, string language, CancellationToken cancellationToken)
    {
        if (Identify(activity) is not { } ids)
        {
            return Task.FromResult<TeamRecord?>(null);
        }

        var channel = activity.ChannelData?.Settings?.SelectedChannel?.Id ?? ids.TeamId;
        var installer = activity.From is { AadObjectId: { } userId } from ? new TeamManager(userId, from.Id, from.Name) : null;
        return updater.UpdateAsync(ids.TenantId, ids.TeamId, current => current is null
            ? new TeamRecord
            {
                TenantId = ids.TenantId,
                TeamId = ids.TeamId,
                Name = activity.ChannelData?.Team?.Name,
                ServiceUrl = activity.ServiceUrl!,
                ChannelId = channel,
                Locale = language,
                Managers = installer is null ? [] : [installer],
                BotId = activity.Recipient?.Id,
                InstalledAt = time.GetUtcNow(),
            }
            : current with
            {
                Active = true,
                ServiceUrl = activity.ServiceUrl!,
                ChannelId = channel,
                Locale = language,
                Name = activity.ChannelData?.Team?.Name ?? current.Name,
                BotId = activity.Recipient?.Id ?? current.BotId,
                Managers = current.Managers.Count == 0 && installer is not null ? [installer] : current.Managers,
            }, cancellationToken);
    }

    public Task OnRemovedAsync(Activity activity, CancellationToken cancellationToken) =>
        Identify(activity) is { } ids
            ? updater.UpdateAsync(ids.TenantId, ids.TeamId, current => current is { Active: true } ? current with { Active = false } : current, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The team of a channel activity, made known if the install event was missed (the bot predates this store).</summary>
    public async Task<TeamRecord?> FindAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Identify(activity) is not { } ids)
        {
            return null;
        }

        var found = await store.FindAsync(ids.TenantId, ids.TeamId, cancellationToken);
        if (found is not null)
        {
            return found.Value;
        }

        return await updater.UpdateAsync(ids.TenantId, ids.TeamId, current => current ?? new TeamRecord
        {
            TenantId = ids.TenantId,
            TeamId = ids.TeamId,
            Name = activity.ChannelData?.Team?.Name,
            ServiceUrl = activity.ServiceUrl!,
            ChannelId = activity.ChannelData?.Channel?.Id ?? ids.TeamId,
            Locale = TeamsActivity.LocaleOf(activity),
            BotId = activity.Recipient?.Id,
            InstalledAt = time.GetUtcNow(),
        }, cancellationToken);
    }

    public Task<TeamRecord?> ChangeAsync(TeamRecord team, Func<TeamRecord, TeamRecord> change, CancellationToken cancellationToken) =>
        updater.UpdateAsync(team.TenantId, team.TeamId, current => current is null ? null : change(current), cancellationToken);

    private static (string TenantId, string TeamId)? Identify(Activity activity) =>
        activity is { TenantId: { } tenant, ServiceUrl: not null } && activity.ChannelData?.Team?.Id is { } team ? (tenant, team) : null;
}
