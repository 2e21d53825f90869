using System.Globalization;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Web.Badges;
using Values = System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode?>;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Managers;

/// <summary>The team aggregate (for everyone in the channel), the per-person table (managers only) and the team picker.</summary>
internal sealed class ProgressCards(Learning.Catalog.Course course, CardRenderer renderer, UiContent content)
{
    /// <summary>At most this many people are listed in the card; the CSV has everyone.</summary>
    public const int MaxRows = 40;

    public JsonObject Aggregate(TeamRecord team, TeamProgress progress, string language, string? note)
    {
        var withheld = progress.AggregateWithheld;
        var modules = withheld ? null : string.Join('\n', progress.PassedPerModule.Select(p =>
            "- " + content.Format(language, "progress.module", ("module", Title(p.Key, language)), ("passed", p.Value))));
        return renderer.Render("team-progress", language, new Values
        {
            ["title"] = content.Format(language, "progress.title", ("team", team.Name ?? string.Empty)),
            ["summary"] = withheld
                ? content.Format(language, "progress.withheld", ("minimum", TeamProgress.MinimumLearners))
                : content.Format(language, "progress.started", ("started", progress.Started), ("members", progress.Members)),
            ["modules"] = modules,
            ["badges"] = withheld ? null : content.Format(language, "progress.badges", ("badges", progress.Badges)),
            ["note"] = note,
        });
    }

    public JsonObject Detail(TeamRecord team, TeamProgress progress, string language, string csvUrl)
    {
        var rows = new JsonArray(Row(language,
            content.Text(language, "progress.detail.name"),
            content.Text(language, "progress.detail.passed"),
            content.Text(language, "progress.detail.current"),
            content.Text(language, "progress.detail.last"),
            content.Text(language, "progress.detail.badge")));
        foreach (var row in progress.Rows.Take(MaxRows))
        {
            rows.Add(Row(language,
                row.Name ?? content.Text(language, "progress.detail.none"),
                $"{row.ModulesPassed}/{course.Modules.Count}",
                row.CurrentModuleId is { } module ? Title(module, language) : content.Text(language, "progress.detail.none"),
                row.LastActive is { } last ? LocalDates.Format(last, language) : content.Text(language, "progress.detail.none"),
                content.Text(language, row.HasBadge ? "progress.detail.yes" : "progress.detail.no")));
        }

        return renderer.Render("team-progress-detail", language, new Values
        {
            ["title"] = content.Format(language, "progress.detail.title", ("team", team.Name ?? string.Empty)),
            ["summary"] = content.Format(language, "progress.started", ("started", progress.Started), ("members", progress.Members)),
            ["rows"] = rows,
            ["more"] = progress.Rows.Count > MaxRows ? content.Format(language, "progress.detail.more", ("shown", MaxRows), ("total", progress.Rows.Count)) : null,
            ["csvLabel"] = content.Format(language, "progress.detail.csv", ("minutes", (int)ReportLinks.Lifetime.TotalMinutes)),
            ["csvUrl"] = csvUrl,
        });
    }

    public JsonObject Picker(IReadOnlyList<TeamRecord> teams, string language)
    {
        var buttons = new JsonArray();
        foreach (var team in teams)
        {
            buttons.Add(renderer.Render("parts/team-button", language, new Values { ["name"] = team.Name ?? team.TeamId, ["teamId"] = team.TeamId }));
        }

        return renderer.Render("team-picker", language, new Values { ["teams"] = buttons });
    }

    private JsonObject Row(string language, string name, string passed, string current, string last, string badge) =>
        renderer.Render("parts/table-row", language, new Values
        {
            ["name"] = name,
            ["passed"] = passed,
            ["current"] = current,
            ["last"] = last,
            ["badge"] = badge,
        });

    private string Title(string moduleId, string language) =>
        course.FindModule(moduleId) is { } module
            ? string.Create(CultureInfo.InvariantCulture, $"{module.Number}. {module.Texts[language].Title}")
            : moduleId;
}
