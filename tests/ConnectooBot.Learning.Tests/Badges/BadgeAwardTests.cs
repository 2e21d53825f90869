using ConnectooBot.Learning.Badges;

namespace ConnectooBot.Learning.Tests.Badges;

public sealed class BadgeAwardTests
{
    [Fact]
    public void NewBadgeId_IsWellFormedAndNew()
    {
        var first = BadgeAward.NewBadgeId();
        var second = BadgeAward.NewBadgeId();

        Assert.True(BadgeAward.IsWellFormedBadgeId(first));
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("../../0123456789abcdef0123456789")]
    public void IsWellFormedBadgeId_RejectsAnythingElse(string? value)
    {
        Assert.False(BadgeAward.IsWellFormedBadgeId(value));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void ModuleScore_OutsideZeroToHundred_Throws(int percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModuleScore("identity", percent));
    }

    [Fact]
    public void ModuleScore_EqualByValue()
    {
        Assert.Equal(new ModuleScore("identity", 80), new ModuleScore("identity", 80));
    }
}
