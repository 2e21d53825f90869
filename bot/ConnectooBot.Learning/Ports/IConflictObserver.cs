namespace ConnectooBot.Learning.Ports;

/// <summary>
/// Told each time a write lost an ETag race (<see cref="ConcurrencyConflictException"/>) and is tried again, so the
/// host can count conflicts without the domain knowing about metrics.
/// </summary>
public interface IConflictObserver
{
    /// <param name="record">What kind of record was contended: "learner", "team", "badge".</param>
    void OnConflict(string record);
}
