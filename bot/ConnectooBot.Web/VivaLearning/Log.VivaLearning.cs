namespace ConnectooBot.Web.VivaLearning;

/// <summary>The Viva Learning sync's log lines (EventIds 3900–3919). Never a learner id above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3900, LogLevel.Information, "Viva Learning: {Count} learning content(s) published (upserted by external id)")]
    public static partial void ContentsPublished(ILogger logger, int count);

    [LoggerMessage(3901, LogLevel.Warning, "Viva Learning: publishing the contents failed; the next pass tries again")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(3902, LogLevel.Information, "Viva Learning: scan done, {Learners} learner(s) looked at, {Requests} activity request(s) sent")]
    public static partial void ScanDone(ILogger logger, int learners, int requests);

    [LoggerMessage(3903, LogLevel.Warning, "Viva Learning: syncing a learner failed; the next pass tries again")]
    public static partial void LearnerSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(3904, LogLevel.Warning, "Viva Learning: an erasure could not reach Viva Learning; it is owed and retried")]
    public static partial void ErasureDeferred(ILogger logger, Exception exception);

    [LoggerMessage(3905, LogLevel.Information, "Viva Learning: an owed erasure was completed ({Activities} activity(ies) deleted)")]
    public static partial void OwedErasureDone(ILogger logger, int activities);

    [LoggerMessage(3906, LogLevel.Information, "Viva Learning: found an activity created by an earlier try (no second POST)")]
    public static partial void ActivityRecovered(ILogger logger);

    [LoggerMessage(3907, LogLevel.Warning, "Viva Learning: the contents are not published yet; activities wait for them")]
    public static partial void ContentsMissing(ILogger logger);

    [LoggerMessage(3909, LogLevel.Warning, "Viva Learning: a scan failed (storage?); the next pass tries again")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(3908, LogLevel.Trace, "Viva Learning: learner {Learner} module {Module}: {Action}")]
    public static partial void ActivitySynced(ILogger logger, string learner, string module, string action);
}
