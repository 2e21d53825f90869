using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Learning.Tests;

/// <summary>Builds small courses for rule tests: modules "m1".."mN", steps "s1".., questions "q1".. whose correct choice is "b".</summary>
internal static class CourseBuilder
{
    public static Course Build(int modules = 2, int steps = 5, int questions = 12, int perAttempt = 8, decimal passMark = 0.8m) => new()
    {
        Id = "connectoo",
        PassMark = passMark,
        QuestionsPerAttempt = perAttempt,
        Version = "v1",
        Modules = [.. Enumerable.Range(1, modules).Select(m => new Module
        {
            Id = $"m{m}",
            Number = m,
            EstimatedMinutes = 10,
            Steps = [.. Enumerable.Range(1, steps).Select(s => new LessonStep($"s{s}", []))],
            Questions = [.. Enumerable.Range(1, questions).Select(q => new Question($"q{q}", QuestionKind.Knowledge, [$"s{(q % steps) + 1}"], ["a", "b", "c"], "b", []))],
            Texts = new Dictionary<string, ModuleText>(),
        })],
    };
}
