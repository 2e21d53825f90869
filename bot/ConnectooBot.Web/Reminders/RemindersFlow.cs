using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Badges;
using Values = System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode?>;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Reminders;

/// <summary>"reminders", "reminders off", "reminders on", "snooze" and the matching buttons: the learner decides.</summary>
internal sealed class RemindersFlow(LearnerSessions learners, CardReplies replies, TeamIntroReply teamIntro, UiContent content, TimeProvider time)
{
    public static readonly TimeSpan SnoozeLength = TimeSpan.FromDays(7);

    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await learners.EnsureAsync(turn.Activity, cancellationToken) is not { } learner)
        {
            await NotHereAsync(turn, cancellationToken);
            return;
        }

        var state = learner.Reminders;
        var now = time.GetUtcNow();
        var text = state.Off ? content.Text(learner.Language, "reminders.status.off")
            : state.SnoozedUntil is { } until && until > now ? content.Format(learner.Language, "reminders.status.snoozed", ("date", LocalDates.Format(until, learner.Language)))
            : content.Text(learner.Language, "reminders.status.on");
        await replies.SendAsync(turn, "reminders-status", learner.Language, cancellationToken, new Values { ["text"] = text, ["isOn"] = !state.Off, ["isOff"] = state.Off });
    }

    public Task OffAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken) =>
        ChangeAsync(turn, fromCard, s => s with { Off = true }, l => content.Text(l.Language, "reminders.turnedOff"), cancellationToken);

    public Task OnAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken) =>
        ChangeAsync(turn, fromCard, s => s with { Off = false, SnoozedUntil = null }, l => content.Text(l.Language, "reminders.turnedOn"), cancellationToken);

    public Task SnoozeAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().Add(SnoozeLength);
        return ChangeAsync(turn, fromCard, s => s with { SnoozedUntil = until }, l => content.Format(l.Language, "reminders.snoozed", ("date", LocalDates.Format(until, l.Language))), cancellationToken);
    }

    private async Task ChangeAsync(TurnContext turn, bool fromCard, Func<ReminderState, ReminderState> change, Func<Learner, string> said, CancellationToken cancellationToken)
    {
        if (!TeamsActivity.IsPersonal(turn.Activity) || TeamsActivity.LearnerKeyOf(turn.Activity) is null)
        {
            await NotHereAsync(turn, cancellationToken);
            return;
        }

        var (learner, _) = await learners.ChangeAsync(turn.Activity, current =>
        {
            var state = change(current.Reminders);
            return (state == current.Reminders ? current : current with { Reminders = state }, true);
        }, cancellationToken);
        await replies.AnswerAsync(turn, fromCard, "notice", learner.Language, cancellationToken, new Values { ["text"] = said(learner) });
    }

    private Task NotHereAsync(TurnContext turn, CancellationToken cancellationToken) =>
        teamIntro.AnswerAsync(turn, turn.IsInvoke, cancellationToken);
}
