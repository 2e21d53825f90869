using ConnectooBot.Web.Nudges;

namespace ConnectooBot.Web.Tests.Nudges;

public sealed class NudgeSchedulesTests
{
    [Theory]
    [InlineData("weekly monday 10:00", DayOfWeek.Monday, 10, 0)]
    [InlineData("lundi 10h30", DayOfWeek.Monday, 10, 30)]
    [InlineData("maandag 9:00", DayOfWeek.Monday, 9, 0)]
    [InlineData("Montag 14 Uhr", DayOfWeek.Monday, 14, 0)]
    [InlineData("vendredi 8h", DayOfWeek.Friday, 8, 0)]
    [InlineData("Donnerstag 16.45", DayOfWeek.Thursday, 16, 45)]
    public void Parse_DayAndTime_InAnyLanguage(string text, DayOfWeek day, int hour, int minute)
    {
        Assert.Equal((day, new TimeOnly(hour, minute)), NudgeSchedules.Parse(text));
    }

    [Theory]
    [InlineData("monday")]
    [InlineData("10:00")]
    [InlineData("someday 25:00")]
    [InlineData("lundi 24h")]
    [InlineData("")]
    public void Parse_Incomplete_IsNull(string text)
    {
        Assert.Null(NudgeSchedules.Parse(text));
    }

    [Fact]
    public void DayName_IsInTheLanguage()
    {
        Assert.Equal("lundi", NudgeSchedules.DayName(DayOfWeek.Monday, "fr"));
        Assert.Equal("maandag", NudgeSchedules.DayName(DayOfWeek.Monday, "nl"));
        Assert.Equal("Montag", NudgeSchedules.DayName(DayOfWeek.Monday, "de"));
        Assert.Equal("Monday", NudgeSchedules.DayName(DayOfWeek.Monday, "en"));
    }
}
