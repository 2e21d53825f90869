using System.Collections.Concurrent;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using ConnectooBot.Web.Delivery;
using ConnectooBot.Web.Managers;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Nudges;

/// <summary>
/// Posts each team's weekly nudge on time and exactly once: every tick it looks for due occurrences, and only the
/// instance that holds the occurrence's lease (a claim row keyed by team and local date, taken with an ETag) hands it
/// to the delivery pipeline, then marks the claim done — also with several instances and across restarts. An instance
/// that dies (or fails to read the roster) before the nudge is queued leaves its lease to run out
/// (<see cref="NudgeOptions.ClaimLease"/>); then any instance takes it over. Queueing twice is harmless: the run id and
/// recipient are the same, and the delivery ledger sends to a recipient of a run once. A bot that was down sends only
/// the last missed occurrence, within the catch-up window.
/// </summary>
internal sealed class NudgeScheduler(
    ITeamStore teams,
    IScheduleClaims claims,
    IConnectorClient connector,
    TeamReports reports,
    NudgeCards cards,
    ProactiveOutbox outbox,
    Learning.Catalog.Course course,
    IOptions<NudgeOptions> options,
    TimeProvider time,
    ILogger<NudgeScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, string> _handled = new(StringComparer.Ordinal);
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled || course.Modules.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.NudgeTickFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: posts every due, unclaimed occurrence. Returns how many this instance posted.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var posted = 0;
        await foreach (var team in teams.ListScheduledAsync(cancellationToken))
        {
            if (team.Nudges?.Due(team.NudgesSince ?? team.InstalledAt, now, options.Value.CatchUpWindow) is not { } occurrence)
            {
                continue;
            }

            var scope = $"nudge/{team.TenantId}/{team.TeamId}";
            if (_handled.TryGetValue(scope, out var last) && last == occurrence.Key)
            {
                continue;
            }

            switch (await claims.TryLeaseAsync(scope, occurrence.Key, _owner, now, now + options.Value.ClaimLease, cancellationToken))
            {
                case ScheduleLeaseResult.Done:
                    _handled[scope] = occurrence.Key;
                    break;
                case ScheduleLeaseResult.Busy busy:
                    Log.NudgeLeasedElsewhere(logger, occurrence.Key, busy.Owner, busy.Until); // look again next tick: it may die
                    break;
                case ScheduleLeaseResult.Granted granted:
                    if (granted.TakenOver)
                    {
                        Log.NudgeTakenOver(logger, occurrence.Key);
                    }

                    if (await PostAsync(team, occurrence, cancellationToken))
                    {
                        posted++;
                        _handled[scope] = occurrence.Key;
                        if (!await claims.CompleteAsync(granted.Lease, time.GetUtcNow(), cancellationToken))
                        {
                            Log.NudgeLeaseLost(logger, occurrence.Key);
                        }
                    }

                    break;
            }
        }

        return posted;
    }

    /// <summary>Builds the nudge (team progress now, question of the week) and hands it to the delivery pipeline.</summary>
    private async Task<bool> PostAsync(TeamRecord team, Occurrence occurrence, CancellationToken cancellationToken)
    {
        try
        {
            var progress = await reports.BuildAsync(connector, team, cancellationToken);
            var (module, question) = QuestionOfTheWeek.Pick(course, team.TeamId, occurrence.Key);
            var card = cards.Nudge(team, progress, module, question, Languages.FromLocale(team.Locale));
            var message = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
            await outbox.SendRunAsync(
                $"nudge/{team.TenantId}/{team.TeamId}/{occurrence.Key}",
                DeliveryKinds.ChannelNudge,
                team.TenantId,
                [new OutgoingMessage(team.ChannelId, team.TenantId, team.ServiceUrl, team.ChannelId, message)],
                [],
                cancellationToken);
            Log.NudgePosted(logger, occurrence.Key);
            return true;
        }
        catch (ConnectorException e)
        {
            // The roster could not be read: the lease is left to run out, then this or another instance tries again.
            Log.NudgeFailed(logger, occurrence.Key, e.Failure);
            return false;
        }
    }
}
