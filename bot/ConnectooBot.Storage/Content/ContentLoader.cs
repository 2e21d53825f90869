using System.Text.RegularExpressions;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// The one way into <c>dialogs-content/</c>: the course (modules, lessons, quizzes) and the interface (texts, command
/// words, card templates), each checked against every rule of <c>FORMAT.md</c> and <c>README.md</c>. Every problem is
/// reported at once in a <see cref="ContentValidationException"/>.
/// </summary>
public static class ContentLoader
{
    /// <summary>The course: <c>course.yaml</c> and <c>modules/&lt;id&gt;/</c>.</summary>
    public static Course LoadCourse(string rootPath) => CourseLoader.Load(rootPath);

    /// <summary>The interface: <c>strings/</c>, <c>commands.yaml</c> and <c>cards/</c>.</summary>
    public static UiContent LoadInterface(string rootPath) => UiContentLoader.Load(rootPath);

    /// <summary>A <c>${name}</c> placeholder of a text or a card template.</summary>
    public static Regex Placeholder() => UiContentLoader.Placeholder();
}
