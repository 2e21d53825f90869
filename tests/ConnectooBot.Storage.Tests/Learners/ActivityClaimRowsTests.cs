using System.Text;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Storage.Tables;

namespace ConnectooBot.Storage.Tests.Learners;

/// <summary>How a claim's answer is laid out in its row: a card compressed, a short answer as text.</summary>
public sealed class ActivityClaimRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static ActivityClaim Done(string answer) =>
        new(new ActivityClaimKey("tenant", "a:chat", "activity-1"), "holder", Now, Now.AddSeconds(45), Done: true, Answer: answer);

    [Fact]
    public void ACardAnswer_IsStoredCompressed_AtLeastThreeTimesSmaller_AndReadBackUnchanged()
    {
        var card = "{\"status\":200,\"body\":{\"statusCode\":200,\"type\":\"application/vnd.microsoft.card.adaptive\",\"value\":{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":["
            + string.Join(",", Enumerable.Range(1, 12).Select(i => $"{{\"type\":\"TextBlock\",\"wrap\":true,\"text\":\"Question {i} : où l’usager trouve-t-il son courrier officiel ?\"}}"))
            + "]}}}";

        var entity = ActivityClaimRows.ToEntity(Done(card));

        var stored = entity.GetBinary("AnswerBr");
        Assert.NotNull(stored);
        Assert.False(entity.ContainsKey("Answer"));
        Assert.True(stored.Length * 3 <= Encoding.UTF8.GetByteCount(card), $"{stored.Length} bytes stored for {Encoding.UTF8.GetByteCount(card)}");
        Assert.Equal(card, ActivityClaimRows.FromEntity(Done(card).Key, entity).Answer);
    }

    [Fact]
    public void AShortAnswer_IsStoredAsText()
    {
        var entity = ActivityClaimRows.ToEntity(Done("{\"status\":200,\"body\":null}"));

        Assert.Equal("{\"status\":200,\"body\":null}", entity.GetString("Answer"));
        Assert.Null(entity.GetBinary("AnswerBr"));
    }
}
