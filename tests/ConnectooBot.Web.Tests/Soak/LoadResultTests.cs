using ConnectooBot.Testing.Load;

namespace ConnectooBot.Web.Tests.Soak;

/// <summary>The benchmark's interleaved storage comparison adds up its slices with <see cref="LoadResult.Combine"/>: the published ratios rest on it.</summary>
public sealed class LoadResultTests
{
    [Fact]
    public void Slices_CombineIntoOneRun_TurnsAndSecondsAdded_PercentilesOverEveryTurn()
    {
        var fast = LoadResult.From(4, [3, 1, 2], unexpected: 0, serverErrors: 0, seconds: 1);
        var slow = LoadResult.From(4, [20, 10], unexpected: 1, serverErrors: 2, seconds: 2);

        var combined = LoadResult.Combine([fast, slow]);

        Assert.Equal((4, 5, 1, 2, 3.0), (combined.Concurrency, combined.Turns, combined.Unexpected, combined.ServerErrors, combined.Seconds));
        Assert.Equal(5 / 3.0, combined.TurnsPerSecond, 6);
        Assert.Equal((3.0, 20.0, 20.0), (combined.P50Ms, combined.P99Ms, combined.MaxMs)); // nearest rank over 1, 2, 3, 10, 20
        Assert.Throws<ArgumentException>(() => LoadResult.Combine([]));
    }
}
