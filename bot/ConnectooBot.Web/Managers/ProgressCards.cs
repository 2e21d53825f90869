using System.Text.Json.Nodes;
using ConnectooBot.Learning.Teams;
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
            "- " + ModuleText("progress.module", p.Key, language, ("passed", p.Value))));
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

    /// <summary>
    /// One block per person (name as a heading, then two or three short facts), readable at the narrowest Teams card
    /// width where a five-column table squashed its words.
    /// </summary>
    public JsonObject Detail(TeamRecord team, TeamProgress progress, string language, string csvUrl)
    {
        var people = new JsonArray();
        foreach (var row in progress.Rows.Take(MaxRows))
        {
            people.Add(Person(row, language));
        }

        return renderer.Render("team-progress-detail", language, new Values
        {
            ["title"] = content.Format(language, "progress.detail.title", ("team", team.Name ?? string.Empty)),
            ["summary"] = content.Format(language, "progress.started", ("started", progress.Started), ("members", progress.Members)),
            ["people"] = people,
            ["more"] = progress.Rows.Count > MaxRows ? content.Format(language, "progress.detail.more", ("shown", MaxRows), ("total", progress.Rows.Count)) : null,
            ["csvLabel"] = content.Text(language, "progress.detail.csv"),
            ["csvNote"] = content.Format(language, "progress.detail.csvNote", ("minutes", (int)ReportLinks.Lifetime.TotalMinutes)),
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

    private JsonObject Person(TeamProgressRow row, string language)
    {
        var total = course.Modules.Count;
        var passed = row.HasBadge
            ? content.Format(language, "progress.person.badge", ("total", total))
            : row.ModulesPassed == 0 && row.CurrentModuleId is null
                ? content.Text(language, "progress.person.notStarted")
                : content.Format(language, "progress.person.passed", ("passed", row.ModulesPassed), ("total", total));
        return renderer.Render("parts/team-progress-person", language, new Values
        {
            ["name"] = string.IsNullOrWhiteSpace(row.Name) ? content.Text(language, "progress.detail.none") : row.Name,
            ["passed"] = passed,
            ["current"] = row.CurrentModuleId is { } module && !row.HasBadge ? ModuleText("progress.person.current", module, language) : null,
            ["last"] = row.LastActive is { } last ? content.Format(language, "progress.person.last", ("date", LocalDates.Format(last, language))) : null,
        });
    }

    /// <summary>A text naming a module in words ("module 3, …"), never "3. …", which Teams would render as a numbered list.</summary>
    private string ModuleText(string key, string moduleId, string language, params (string Name, object Value)[] more)
    {
        var module = course.FindModule(moduleId);
        return content.Format(language, key, [("number", module?.Number ?? 0), ("title", module?.Texts[language].Title ?? moduleId), .. more]);
    }
}
