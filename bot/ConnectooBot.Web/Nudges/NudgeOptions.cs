using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Nudges;

/// <summary>Section <c>Nudges</c>: how often the scheduler looks for due channel nudges, and how late one may still go out.</summary>
public sealed class NudgeOptions
{
    public const string SectionName = "Nudges";

    /// <summary>How often due nudges are looked for; a nudge goes out at most this long after its time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>An occurrence missed while the bot was down is still sent if it is at most this old (only the last one).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long the instance that claims an occurrence has to queue it before another instance may take it over (the
    /// claim is a lease, marked done only once the nudge is queued). Shorter than <see cref="CatchUpWindow"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The time zone of schedules set with a command (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Brussels";

    /// <summary>Set to false to run a host without the scheduler (the tests of other areas do).</summary>
    public bool SchedulerEnabled { get; set; } = true;
}
