using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Learning.Progress;

/// <summary>
/// How much of a module a learner has done, from 0 to 1: a passed module counts whole; otherwise its lesson counts for
/// half, by the steps read (the quiz and its review are the other half). The course figure on the cards and the minutes
/// left both come from it.
/// </summary>
public static class CourseShare
{
    public static decimal Of(Module module, ModuleProgress state)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(state);
        return state.Passed ? 1m
            : state.LessonCompleted ? 0.5m
            : module.Steps.Count == 0 || state.FurthestStep < 0 ? 0m
            : 0.5m * Math.Min(state.FurthestStep + 1, module.Steps.Count) / module.Steps.Count;
    }
}
