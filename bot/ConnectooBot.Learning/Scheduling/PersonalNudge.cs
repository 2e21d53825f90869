namespace ConnectooBot.Learning.Scheduling;

/// <summary>What a learner may receive now, or why something due is held back.</summary>
public abstract record PersonalNudge
{
    /// <summary>"You stopped at …": the learner started but has been away for a while.</summary>
    public sealed record Reminder : PersonalNudge;

    /// <summary>A spaced-review question of a passed module, from Leitner box <paramref name="Index"/> (0–3), due on <see cref="DueDay"/>.</summary>
    public sealed record Review(string ModuleId, int Index) : PersonalNudge
    {
        public DateOnly DueDay { get; init; }
    }

    /// <summary>Something was due but is not sent now: outside working hours, snoozed or turned off.</summary>
    public sealed record Held(PersonalNudge Due, string Reason) : PersonalNudge;

    /// <summary>The claim key: one per reminder week or per review step, so it is sent once across instances.</summary>
    public static string KeyOf(PersonalNudge nudge, DateTimeOffset now) => nudge switch
    {
        Review review => $"review/{review.ModuleId}/{review.Index}/{review.DueDay:yyyyMMdd}",
        _ => $"reminder/{System.Globalization.ISOWeek.GetYear(now.UtcDateTime)}-W{System.Globalization.ISOWeek.GetWeekOfYear(now.UtcDateTime):00}",
    };
}
