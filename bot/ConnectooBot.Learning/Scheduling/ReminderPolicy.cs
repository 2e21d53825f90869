using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Learning.Scheduling;

/// <summary>
/// Who gets a personal nudge now: a spaced-review question about 1, 3, 7 and 21 days after a module was passed, or a
/// reminder to a learner who started, has been inactive for <see cref="InactiveAfter"/>, and had no reminder in the
/// last <see cref="MinimumGap"/>. Only within working hours in the learner's time zone (never at weekends or on
/// Belgian public holidays), never while snoozed or turned off.
/// </summary>
public sealed record ReminderPolicy(TimeSpan InactiveAfter, TimeSpan MinimumGap, WorkingHours Hours)
{
    public static ReminderPolicy Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(7), WorkingHours.Default);

    public PersonalNudge? Decide(Course course, Learner learner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(learner);
        if (DueNudge(course, learner, now) is not { } due)
        {
            return null;
        }

        if (learner.Reminders.Off)
        {
            return new PersonalNudge.Held(due, "opted-out");
        }

        if (learner.Reminders.SnoozedUntil is { } until && until > now)
        {
            return new PersonalNudge.Held(due, "snoozed");
        }

        return Hours.Contains(now, LocalTime.Zone(learner.TimeZone)) ? due : new PersonalNudge.Held(due, "quiet-hours");
    }

    private PersonalNudge? DueNudge(Course course, Learner learner, DateTimeOffset now)
    {
        foreach (var module in course.Modules)
        {
            if (learner.Progress.Module(module.Id).PassedAt is not { } passedAt)
            {
                continue;
            }

            // One review when the module's box is due (a learner away for weeks gets one, not a backlog).
            if (SpacedReview.NextDue(learner.Reminders, module.Id, passedAt) is { } due && now >= due)
            {
                return new PersonalNudge.Review(module.Id, learner.Reminders.SpacedReviewsSent.GetValueOrDefault(module.Id)) { DueDay = DateOnly.FromDateTime(due.UtcDateTime) };
            }
        }

        var started = learner.Progress.Current is not null || course.Modules.Any(m => learner.Progress.Module(m.Id).AttemptCount > 0);
        var finished = course.Modules.Count > 0 && course.Modules.All(m => learner.Progress.Module(m.Id).Passed);
        var away = now - learner.LastActive >= InactiveAfter;
        var gapKept = learner.Reminders.LastReminderAt is not { } last || now - last >= MinimumGap;
        return started && !finished && away && gapKept ? new PersonalNudge.Reminder() : null;
    }

    /// <summary>The learner after <paramref name="nudge"/> was sent (so it is not sent again).</summary>
    public static Learner Sent(Learner learner, PersonalNudge nudge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return nudge switch
        {
            PersonalNudge.Review review => learner.Reminders.SpacedReviewsSent.GetValueOrDefault(review.ModuleId) > review.Index
                ? learner // already recorded (a retried send)
                : learner with { Reminders = SpacedReview.AfterSent(learner.Reminders, review.ModuleId, now) },
            PersonalNudge.Reminder => learner with { Reminders = learner.Reminders with { LastReminderAt = now } },
            _ => learner,
        };
    }
}
