using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Storage.Faults;

/// <summary>
/// Section <c>Storage:Faults</c>: faults injected into storage calls so that a test can stop an instance at an exact
/// point (between saving a learner's progress and issuing their badge, or between taking a nudge's claim and queueing
/// it). Development only: any fault configured in another environment stops the host at start-up. All off by default.
/// </summary>
public sealed class StorageFaultOptions
{
    public const string SectionName = "Storage:Faults";

    /// <summary>The first N badge reads or writes of a turn (<c>FindByLearner</c>, <c>Save</c>) fail as a storage outage does (503).</summary>
    [Range(0, 100)]
    public int BadgeStoreFailures { get; set; }

    /// <summary>The first N badge reads or writes of a turn never return (until cancelled), after a warning in the log.</summary>
    [Range(0, 100)]
    public int BadgeStoreHolds { get; set; }

    /// <summary>Every badge write waits this long first (it widens the window in which two instances race).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan BadgeStoreWriteDelay { get; set; }

    /// <summary>The first N schedule leases granted are written, then the call never returns (until cancelled), after a warning in the log.</summary>
    [Range(0, 100)]
    public int ScheduleLeaseHolds { get; set; }

    public bool HasBadgeStoreFaults => BadgeStoreFailures > 0 || BadgeStoreHolds > 0 || BadgeStoreWriteDelay > TimeSpan.Zero;

    public bool HasScheduleFaults => ScheduleLeaseHolds > 0;

    public bool IsActive => HasBadgeStoreFaults || HasScheduleFaults;
}
