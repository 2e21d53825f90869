namespace ConnectooBot.Learning.Scheduling;

/// <summary>
/// Belgian public holidays, computed for any year: the ten legal holidays (New Year, Easter Monday, Labour Day,
/// Ascension, Whit Monday, National Day, Assumption, All Saints, Armistice, Christmas), of which three follow Easter.
/// Optionally the three extra days off of the federal public service (2 November, 15 November — King's Feast —
/// and 26 December).
/// </summary>
public static class BelgianHolidays
{
    public static IReadOnlyList<DateOnly> For(int year, bool includeFederalServiceDays)
    {
        var easter = EasterSunday(year);
        List<DateOnly> days =
        [
            new(year, 1, 1),
            easter.AddDays(1),    // Easter Monday
            new(year, 5, 1),
            easter.AddDays(39),   // Ascension Thursday
            easter.AddDays(50),   // Whit Monday
            new(year, 7, 21),
            new(year, 8, 15),
            new(year, 11, 1),
            new(year, 11, 11),
            new(year, 12, 25),
        ];
        if (includeFederalServiceDays)
        {
            days.AddRange([new(year, 11, 2), new(year, 11, 15), new(year, 12, 26)]);
        }

        days.Sort();
        return days;
    }

    public static bool IsHoliday(DateOnly date, bool includeFederalServiceDays) => For(date.Year, includeFederalServiceDays).Contains(date);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
