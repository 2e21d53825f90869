using Microsoft.Extensions.Time.Testing;

namespace ConnectooBot.Web.Tests;

internal static class FakeClock
{
    /// <summary>
    /// Lets background work that waits on the fake clock (the delivery worker's polling) run: advances it a little at
    /// a time until <paramref name="done"/> holds, or gives up after <paramref name="rounds"/> rounds of 50 ms real time.
    /// </summary>
    public static async Task PumpUntilAsync(this FakeTimeProvider time, Func<bool> done, TimeSpan? step = null, int rounds = 200)
    {
        for (var i = 0; i < rounds && !done(); i++)
        {
            time.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }
}
