namespace ConnectooBot.Learning.Scheduling;

/// <summary>Retrieval practice after a module is passed: one question at about 1, 3, 7 and 21 days.</summary>
public static class SpacedReview
{
    public static IReadOnlyList<int> IntervalsInDays { get; } = [1, 3, 7, 21];

    public static IReadOnlyList<DateTimeOffset> DueDates(DateTimeOffset passedAt) =>
        [.. IntervalsInDays.Select(days => passedAt.AddDays(days))];
}
