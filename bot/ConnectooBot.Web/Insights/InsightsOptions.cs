using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Insights;

/// <summary>Section <c>Insights</c>: how often the programme snapshot of each tenant is rebuilt, and how many rosters it reads.</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>How often the rollup runs (one instance per period, under a lease). The dashboard's figures are at most this old.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many active teams of a tenant have their roster read per rollup (the rest count as without roster).</summary>
    [Range(1, 1000)]
    public int MaxTeams { get; set; } = 200;

    /// <summary>How many rosters are read at once.</summary>
    [Range(1, 16)]
    public int RosterParallelism { get; set; } = 4;

    /// <summary>Set to false to run a host without the scheduled rollup (the tests of other areas do); the rollup can still be run on demand.</summary>
    public bool SchedulerEnabled { get; set; } = true;
}
