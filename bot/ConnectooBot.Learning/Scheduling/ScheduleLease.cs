namespace ConnectooBot.Learning.Scheduling;

/// <summary>
/// One instance's exclusive right to do one occurrence of scheduled work (scope, key) until <paramref name="Until"/>.
/// </summary>
/// <param name="Owner">Who took it (an instance id), for operators and logs.</param>
/// <param name="Version">The claim row's version (ETag) when leased: completing fails if it changed (taken over).</param>
public sealed record ScheduleLease(string Scope, string Key, string Owner, DateTimeOffset Until, string Version);
