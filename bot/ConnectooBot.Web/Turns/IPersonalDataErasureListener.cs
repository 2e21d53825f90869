using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Told when a person erases their data ("delete my data"), once the bot's own records are gone. A feature that copied
/// something about them elsewhere (Viva Learning) erases it there; when that service is unreachable it owes the
/// erasure (retried later, never lost) and says so, so the person is told honestly.
/// </summary>
public interface IPersonalDataErasureListener
{
    Task<ExternalErasure> EraseAsync(LearnerKey learner, CancellationToken cancellationToken);
}
