using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Learning.Tests.Turns;

/// <summary>The claims a learner's row keeps: bounded in number, age and answers, whatever the learner does.</summary>
public sealed class RecentClaimsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static ActivityClaim Claim(string activityId, DateTimeOffset takenAt, string holder = "h", string? answer = "{\"status\":200}") =>
        new(new ActivityClaimKey("tenant", "a:conversation", activityId), holder, takenAt, takenAt.AddSeconds(45), answer is not null, answer);

    [Fact]
    public void With_KeepsTheNewestFour_AndTheAnswerOfTheNewest()
    {
        var claims = RecentClaims.None;
        for (var i = 0; i < 20; i++)
        {
            claims = claims.With(Claim($"a{i}", Now.AddSeconds(i)));
        }

        Assert.Equal(RecentClaims.MaxEntries, claims.Entries.Count);
        Assert.Equal(Enumerable.Range(16, 4).Reverse().Select(i => RecentClaims.IdOf(Claim($"a{i}", Now).Key)), claims.Entries.Select(e => e.Id));
        Assert.Equal([true, false, false, false], claims.Entries.Select(e => e.Answer is not null));
        Assert.All(claims.Entries, e => Assert.True(e.Done)); // an old claim loses its answer, never its "done"
        Assert.Null(claims.Find(Claim("a15", Now).Key));
    }

    [Fact]
    public void With_ReplacesTheEarlierClaimOfTheSameActivity()
    {
        var lease = Claim("a1", Now, answer: null);
        var claims = RecentClaims.None.With(lease).With(Claim("a2", Now)).With(lease with { Done = true, Answer = "done" });

        Assert.Equal(2, claims.Entries.Count);
        Assert.Equal(lease with { Done = true, Answer = "done" }, claims.Find(lease.Key));
        Assert.Equal(RecentClaims.IdOf(lease.Key), claims.Entries[0].Id);
    }

    [Fact]
    public void ClaimsOlderThanADay_AreDropped()
    {
        var claims = RecentClaims.None.With(Claim("old", Now)).With(Claim("recent", Now.AddHours(20)));

        Assert.Equal(2, claims.Pruned(Now.AddHours(23)).Entries.Count);
        Assert.Null(claims.Pruned(Now.AddHours(25)).Find(Claim("old", Now).Key));
        Assert.NotNull(claims.Pruned(Now.AddHours(25)).Find(Claim("recent", Now).Key));
        Assert.Null(claims.With(Claim("new", Now.AddHours(25))).Find(Claim("old", Now).Key));
    }

    [Fact]
    public void Without_RemovesOnlyTheClaimOfThatHolder()
    {
        var claims = RecentClaims.None.With(Claim("a1", Now, holder: "mine")).With(Claim("a2", Now, holder: "mine"));

        Assert.Same(claims, claims.Without(Claim("a1", Now).Key, "another"));
        Assert.Null(claims.Without(Claim("a1", Now).Key, "mine").Find(Claim("a1", Now).Key));
        Assert.NotNull(claims.Without(Claim("a1", Now).Key, "mine").Find(Claim("a2", Now).Key));
    }

    [Fact]
    public void AnActivity_IsNamedByAShortHashOfItsConversationAndId()
    {
        var id = RecentClaims.IdOf(new ActivityClaimKey("t", "a:conversation", "1"));

        Assert.Equal(22, id.Length);
        Assert.NotEqual(id, RecentClaims.IdOf(new ActivityClaimKey("t", "a:conversation", "2")));
        Assert.NotEqual(id, RecentClaims.IdOf(new ActivityClaimKey("t", "a:conversation2", "1")));
        Assert.NotEqual(RecentClaims.IdOf(new ActivityClaimKey("t", "a\n1", "2")), RecentClaims.IdOf(new ActivityClaimKey("t", "a", "1\n2")));
    }
}
