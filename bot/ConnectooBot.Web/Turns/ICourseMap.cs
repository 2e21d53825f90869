using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Turns;

/// <summary>Shows a learner their course map (the course feature answers; "progress" in personal chat uses it).</summary>
public interface ICourseMap
{
    Task ShowMapAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken);
}
