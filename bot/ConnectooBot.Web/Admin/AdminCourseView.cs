using ConnectooBot.Learning.Catalog;
using CourseCatalog = ConnectooBot.Learning.Catalog.Course;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// What the dashboard shows of the course: module titles and question texts in a language, and the course's order of
/// modules and questions, when the host has the course; otherwise "Module 3" and the question's id.
/// </summary>
internal sealed class AdminCourseView(IEnumerable<CourseCatalog> courses, AdminTexts texts)
{
    private readonly CourseCatalog? _course = courses.LastOrDefault();

    public string ModuleTitle(string moduleId, int number, string language) =>
        _course?.FindModule(moduleId) is { } module && module.Texts.TryGetValue(language, out var text)
            ? text.Title
            : texts.Format(language, "admin.module.numbered", ("number", AdminTexts.Number(number, language)));

    /// <summary>The question as learners of that language read it, or null when the course does not have it.</summary>
    public string? QuestionPrompt(string moduleId, string questionId, string language) =>
        _course?.FindModule(moduleId) is { } module && module.Texts.TryGetValue(language, out var text)
        && text.Questions.TryGetValue(questionId, out var question) ? question.Prompt.Trim() : null;

    /// <summary>The question's place in its module's bank (unknown questions last).</summary>
    public int QuestionOrder(string moduleId, string questionId)
    {
        var index = _course?.FindModule(moduleId)?.Questions.Select(q => q.Id).ToList().IndexOf(questionId) ?? -1;
        return index < 0 ? int.MaxValue : index;
    }

    public static int LanguageOrder(string language)
    {
        var index = Languages.All.ToList().IndexOf(language);
        return index < 0 ? int.MaxValue : index;
    }
}
