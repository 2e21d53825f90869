using System.Diagnostics;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Web.Hosting.Telemetry;

/// <summary>
/// Measures every turn (count, duration, outcome) and wraps it in a span. Registered right inside the error boundary,
/// so it sees the exception the boundary is about to turn into an apology. Tags never carry an id of a person, a
/// conversation or a tenant.
/// </summary>
internal sealed class TurnTelemetryMiddleware(BotMetrics metrics, TimeProvider time) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        var labels = TurnLabels.Of(turn.Activity);
        using var span = BotTracing.Source.StartActivity(BotTracing.TurnSpanName, ActivityKind.Internal);
        span?.SetTag(TurnLabels.ActivityTypeTag, labels.ActivityType);
        span?.SetTag(TurnLabels.ConversationKindTag, labels.ConversationKind);
        var started = time.GetTimestamp();
        var outcome = TurnOutcomes.Error;
        try
        {
            await next(cancellationToken);
            outcome = TurnOutcomes.Ok;
        }
        catch (OperationCanceledException)
        {
            outcome = TurnOutcomes.Cancelled;
            throw;
        }
        catch (Exception ex)
        {
            // The type only: an exception message may quote a key or a URL with ids in it.
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            span?.SetTag(TurnLabels.OutcomeTag, outcome);
            metrics.TurnCompleted(labels, outcome, time.GetElapsedTime(started));
        }
    }
}
