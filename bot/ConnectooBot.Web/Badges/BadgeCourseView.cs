using CourseCatalog = ConnectooBot.Learning.Catalog.Course;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// What the badge documents need from the course catalog (module titles, pass mark, version), when the host has
/// registered the <see cref="CourseCatalog"/>; without it a module is called "Module 3" in the page's language.
/// </summary>
public sealed class BadgeCourseView(IEnumerable<CourseCatalog> courses, BadgeTexts texts)
{
    private readonly CourseCatalog? _course = courses.LastOrDefault();

    public IReadOnlyList<string> ModuleIds => _course?.Modules.Select(m => m.Id).ToList() ?? [];

    /// <summary>The pass mark in percent (80), when known.</summary>
    public int? PassPercent => _course is null ? null : (int)Math.Round(_course.PassMark * 100, MidpointRounding.AwayFromZero);

    public string? Version => _course?.Version;

    /// <param name="position">0-based position of the module among the badge's modules (used when the title is unknown).</param>
    public string ModuleTitle(string moduleId, string language, int position) =>
        _course?.FindModule(moduleId) is { } module && module.Texts.TryGetValue(language, out var text)
            ? text.Title
            : texts.Format(language, "badge.module.fallback", ("number", (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
