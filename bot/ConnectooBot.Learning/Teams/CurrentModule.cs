using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Learning.Teams;

/// <summary>The module a learner is on, as a manager's report says it: never one they have already passed.</summary>
public static class CurrentModule
{
    /// <summary>
    /// The module of the saved position while it is not passed; once it is passed, the next module not passed yet
    /// (the course order from there, then from the start: what the result card offers next). Null before the first
    /// module is opened and once every module is passed.
    /// </summary>
    public static string? Of(Course course, CourseProgress progress)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Current?.ModuleId is not { } at || course.FindModule(at) is null)
        {
            return progress.Modules.Values.Any(m => m.Passed) ? FirstNotPassed(course.Modules, progress) : null;
        }

        if (!progress.Module(at).Passed)
        {
            return at;
        }

        var after = course.Modules.SkipWhile(m => m.Id != at).Skip(1).Concat(course.Modules);
        return FirstNotPassed(after, progress);
    }

    private static string? FirstNotPassed(IEnumerable<Module> modules, CourseProgress progress) =>
        modules.FirstOrDefault(m => !progress.Module(m.Id).Passed)?.Id;
}
