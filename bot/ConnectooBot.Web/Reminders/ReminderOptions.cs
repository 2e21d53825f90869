using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Reminders;

/// <summary>Section <c>Reminders</c>: personal reminders and spaced review.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>A learner who started and has been inactive this many days gets a reminder (at most one a week).</summary>
    [Range(1, 365)]
    public int InactiveDays { get; set; } = 7;

    /// <summary>How often learners are looked at.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Working hours in the learner's time zone (Monday–Friday, not on Belgian public holidays).</summary>
    public TimeOnly WorkingHoursStart { get; set; } = new(9, 0);

    public TimeOnly WorkingHoursEnd { get; set; } = new(17, 0);

    /// <summary>Count the federal public service's extra days off (2 and 15 November, 26 December) as holidays.</summary>
    public bool IncludeFederalServiceDays { get; set; } = true;

    public bool SchedulerEnabled { get; set; } = true;
}
