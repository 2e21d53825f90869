using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// What the badge documents need from the course catalog (module titles, pass mark, version), when the host has
/// registered the <see cref="Course"/>; without it, module ids stand in for titles.
/// </summary>
public sealed class BadgeCourseView(IEnumerable<Course> courses)
{
    private readonly Course? _course = courses.LastOrDefault();

    public IReadOnlyList<string> ModuleIds => _course?.Modules.Select(m => m.Id).ToList() ?? [];

    /// <summary>The pass mark in percent (80), when known.</summary>
    public int? PassPercent => _course is null ? null : (int)Math.Round(_course.PassMark * 100, MidpointRounding.AwayFromZero);

    public string? Version => _course?.Version;

    public string ModuleTitle(string moduleId, string language) =>
        _course?.FindModule(moduleId) is { } module && module.Texts.TryGetValue(language, out var text) ? text.Title : moduleId;
}
