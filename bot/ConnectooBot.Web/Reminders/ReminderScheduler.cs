using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Scheduling;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Values = System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode?>;
using ConnectooBot.Web.Course;
using ConnectooBot.Web.Delivery;
using ConnectooBot.Web.Nudges;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Reminders;

/// <summary>
/// Looks at every learner on a schedule and hands what <see cref="ReminderPolicy"/> says is due — a reminder or a
/// spaced-review question — to the delivery pipeline, for their personal chat. Each one is claimed first (one storage insert per learner and
/// week or review step), so two instances or a restart never send it twice.
/// </summary>
internal sealed class ReminderScheduler(
    ILearnerStore learners,
    IConversationStore conversations,
    IScheduleClaims claims,
    LearnerUpdater updater,
    ProactiveOutbox outbox,
    Learning.Catalog.Course course,
    CourseCards courseCards,
    NudgeCards nudgeCards,
    CardRenderer renderer,
    UiContent content,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    private ReminderPolicy Policy => new(
        TimeSpan.FromDays(options.Value.InactiveDays),
        TimeSpan.FromDays(7),
        new WorkingHours(options.Value.WorkingHoursStart, options.Value.WorkingHoursEnd, options.Value.IncludeFederalServiceDays));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled || course.Modules.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ReminderScanFailed(logger, e);
            }
        }
    }

    /// <summary>
    /// One pass over every learner: what is due and claimed by this instance goes to the delivery pipeline as one run;
    /// what is due but held back (quiet hours, snoozed, turned off, no chat) is recorded as skipped, once a day per
    /// learner. Returns what this instance queued and held back.
    /// </summary>
    public async Task<ReminderScan> ScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = Policy;
        var chats = new Dictionary<string, IReadOnlyDictionary<string, ConversationRecord>>(StringComparer.Ordinal);
        var scan = new ReminderScan();
        var outgoing = new List<OutgoingMessage>();
        var held = new List<(string, string)>();
        var day = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var learner in learners.ListAllAsync(cancellationToken))
        {
            var decision = policy.Decide(course, learner, now);
            if (decision is null)
            {
                continue;
            }

            if (!chats.TryGetValue(learner.Key.TenantId, out var tenantChats))
            {
                tenantChats = chats[learner.Key.TenantId] = await PersonalChatsAsync(learner.Key.TenantId, cancellationToken);
            }

            var reason = decision is PersonalNudge.Held h ? h.Reason : tenantChats.ContainsKey(learner.Key.UserId) ? null : DeliveryReasons.NotInstalled;
            if (reason is not null)
            {
                scan.Held.Add(reason);
                if (await claims.TryClaimAsync($"personal/{learner.Key}", $"held/{day}/{reason}", now, cancellationToken))
                {
                    held.Add((learner.Key.ToString(), reason));
                }

                continue;
            }

            var chat = tenantChats[learner.Key.UserId];
            if (await claims.TryClaimAsync($"personal/{learner.Key}", PersonalNudge.KeyOf(decision, now), now, cancellationToken))
            {
                outgoing.Add(await PrepareAsync(learner, decision, chat, now, cancellationToken));
            }
        }

        await outbox.SendRunAsync($"personal/{now:yyyy-MM-ddTHH:mm:ss}/{Guid.NewGuid():N}", DeliveryKinds.Reminder, null, outgoing, held, cancellationToken);
        scan.Sent = outgoing.Count;
        return scan;
    }

    /// <summary>Marks the nudge as sent in the learner's state and builds its message.</summary>
    private async Task<OutgoingMessage> PrepareAsync(Learner learner, PersonalNudge due, ConversationRecord chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = await updater.UpdateAsync(learner.Key, current => current is null ? null : ReminderPolicy.Sent(current, due, now), cancellationToken) ?? learner;
        var card = due switch
        {
            PersonalNudge.Review review => ReviewCard(updated, review),
            _ => renderer.Render("reminder", updated.Language, new Values
            {
                ["text"] = content.Format(updated.Language, "reminder.text", ("where", updated.Progress.Current is { } at ? courseCards.Describe(updated, at) : "—")),
            }),
        };
        Log.PersonalNudgeSent(logger, due is PersonalNudge.Review ? "review" : "reminder");
        var message = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
        return new OutgoingMessage(learner.Key.ToString(), chat.TenantId, chat.ServiceUrl, chat.ConversationId, message);
    }

    private System.Text.Json.Nodes.JsonObject ReviewCard(Learner learner, PersonalNudge.Review review)
    {
        var module = course.FindModule(review.ModuleId)!;
        var question = ReviewPicker.Pick(module, learner, Learning.Progress.QuestionDraw.Seed(learner.Key.ToString(), module.Id, review.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), review.DueDay.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));
        return nudgeCards.Review(module, question, learner.Language, learner.Key.ToString());
    }

    private async Task<IReadOnlyDictionary<string, ConversationRecord>> PersonalChatsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var chats = new Dictionary<string, ConversationRecord>(StringComparer.OrdinalIgnoreCase);
        await foreach (var record in conversations.ListAsync(tenantId, cancellationToken))
        {
            if (record is { Kind: ConversationKind.Personal, Active: true, UserId: { } userId })
            {
                chats[userId] = record;
            }
        }

        return chats;
    }
}

/// <summary>What one reminder pass did: sent by this instance, and held back (with the reason of each).</summary>
internal sealed class ReminderScan
{
    public int Sent { get; set; }

    public List<string> Held { get; } = [];
}
