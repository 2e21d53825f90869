using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Privacy;

/// <summary>Section <c>Retention</c>: how long the data of an inactive learner is kept (the privacy notice says 24 months by default).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan InactiveLearnerPeriod { get; set; } = TimeSpan.FromDays(730);

    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the claim of a processed activity is kept (the stored answer a re-delivered activity gets). Teams
    /// re-delivers within minutes; claims are deleted at the first scan after this age.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan ActivityClaimPeriod { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled { get; set; } = true;
}
