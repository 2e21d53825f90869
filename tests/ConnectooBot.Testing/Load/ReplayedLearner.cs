using System.Net.Http.Headers;
using System.Text;

namespace ConnectooBot.Testing.Load;

/// <summary>
/// Sends, in a loop, the exact bodies a <see cref="SimulatedLearner"/> recorded: the same load for a bot that cannot
/// be walked through the course (the reference peer answers every turn with the same small card).
/// </summary>
public sealed class ReplayedLearner(IReadOnlyList<string> bodies) : ITurnSource
{
    private int _next;

    public async Task<TurnOutcome> NextTurnAsync(HttpClient bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (bodies.Count == 0)
        {
            throw new InvalidOperationException("Nothing was recorded to replay.");
        }

        var body = bodies[_next];
        _next = (_next + 1) % bodies.Count;
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await bot.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var invoke = body.Contains("\"type\":\"invoke\"", StringComparison.Ordinal);
        var expected = (int)response.StatusCode == 200 && (!invoke || text.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal));
        return new TurnOutcome((int)response.StatusCode, expected, invoke ? "invoke" : "message");
    }
}
