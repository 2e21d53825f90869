using System.Text;
using ConnectooBot.Learning.Insights;
using static ConnectooBot.Web.Admin.AdminHtml;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// <c>/admin/items?module=…</c>: the item analysis of one module from the snapshot — per question and language the
/// difficulty, the discrimination, the share of each choice, how often the review after a miss led to a pass, and the
/// flags in words; a difficulty × discrimination chart (one marker shape per language); the module's CSV.
/// </summary>
internal sealed class ItemsPage(AdminTexts texts, AdminCourseView course, AdminLayout layout)
{
    public string Render(ProgrammeInsights insights, string? requestedModule, AdminPageFrame frame)
    {
        var language = frame.Language;
        var modules = insights.Funnel.Select(s => (s.ModuleId, s.Number))
            .Concat(insights.Items.Select(i => i.ModuleId).Distinct().Where(id => insights.Funnel.All(s => s.ModuleId != id)).Select((id, n) => (id, insights.Funnel.Count + n + 1)))
            .ToList();
        var (moduleId, number) = modules.FirstOrDefault(m => m.Item1 == requestedModule) is { Item1: not null } found ? found
            : modules.Count > 0 ? modules[0] : (string.Empty, 0);
        var html = new StringBuilder(65_536);
        html.Append("<h1>").Append(T(language, "admin.items.heading")).Append("</h1>\n");
        AdminSnapshotLine.Append(html, texts, insights, language);
        html.Append("<p>").Append(T(language, "admin.items.intro")).Append("</p>\n");
        ModuleLinks(html, modules, moduleId, language);
        var charts = new ChartSet(language);
        if (moduleId.Length > 0)
        {
            Module(html, charts, insights, moduleId, number, language);
        }

        return layout.Page(frame, html.ToString(), charts.IsEmpty ? null : charts.ToJson());
    }

    private void ModuleLinks(StringBuilder html, List<(string Id, int Number)> modules, string current, string language)
    {
        html.Append("<nav aria-labelledby=\"modules-heading\" class=\"modules\">\n<h2 id=\"modules-heading\">").Append(T(language, "admin.items.modules"))
            .Append("</h2>\n<ul>\n");
        foreach (var (id, number) in modules)
        {
            var title = E(AdminTexts.Number(number, language) + ". " + course.ModuleTitle(id, number, language));
            html.Append("<li>");
            if (id == current)
            {
                html.Append("<a href=\"").Append(E(ModuleUrl(id, language))).Append("\" aria-current=\"page\">").Append(title).Append("</a>");
            }
            else
            {
                html.Append("<a href=\"").Append(E(ModuleUrl(id, language))).Append("\">").Append(title).Append("</a>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n</nav>\n");
    }

    private void Module(StringBuilder html, ChartSet charts, ProgrammeInsights insights, string moduleId, int number, string language)
    {
        var items = insights.Items.Where(i => i.ModuleId == moduleId)
            .OrderBy(i => course.QuestionOrder(moduleId, i.QuestionId)).ThenBy(i => i.QuestionId, StringComparer.Ordinal)
            .ThenBy(i => AdminCourseView.LanguageOrder(i.Language)).ToList();
        html.Append("<section aria-labelledby=\"module-heading\">\n<h2 id=\"module-heading\">")
            .Append(E(AdminTexts.Number(number, language) + ". " + course.ModuleTitle(moduleId, number, language))).Append("</h2>\n");
        if (items.Count == 0)
        {
            html.Append("<p>").Append(T(language, "admin.items.none")).Append("</p>\n</section>\n");
            return;
        }

        var flagged = items.Count(i => !i.Withheld && i.Flags != ItemFlags.None);
        html.Append("<p data-figure=\"flagged\">").Append(E(texts.Format(
            language,
            "admin.items.summary",
            ("flagged", AdminTexts.Number(flagged, language)),
            ("count", AdminTexts.Number(items.Count, language))))).Append("</p>\n");
        html.Append("<p><a class=\"download\" href=\"").Append(E(AdminPaths.Items + "/" + Uri.EscapeDataString(moduleId) + ".csv")).Append("\" download>")
            .Append(T(language, "admin.items.csv")).Append("</a></p>\n");
        Chart(html, charts, items, language);
        ItemTable(html, moduleId, items, language);
        html.Append("</section>\n");
    }

    private void Chart(StringBuilder html, ChartSet charts, List<ItemStatistics> items, string language)
    {
        var shown = items.Where(i => i.Difficulty is not null && i.Discrimination is not null).ToList();
        var difficulty = texts[language, "admin.items.difficulty"];
        var discrimination = texts[language, "admin.items.discrimination"];
        charts.Scatter(
            "chart-items",
            [.. shown.GroupBy(i => i.Language).OrderBy(g => AdminCourseView.LanguageOrder(g.Key)).Select(g => (
                LanguageName(g.Key, language),
                (IReadOnlyList<ChartPoint>)[.. g.Select(i => new ChartPoint(i.Difficulty!.Value, i.Discrimination!.Value, i.QuestionId))]))],
            difficulty,
            discrimination);
        var note = shown.Count < items.Count ? texts[language, "admin.chart.withheld"] : null;
        AdminFigure.Chart(html, "chart-items", texts[language, "admin.items.chart.caption"], texts[language, "admin.table.show"], note, (table, label) =>
            AdminFigure.Table(
                table,
                label,
                [texts[language, "admin.items.question"], texts[language, "admin.items.language"], difficulty, discrimination],
                items.Select(i => i.Difficulty is { } d && i.Discrimination is { } r
                    ? (IReadOnlyList<Cell>)[Cell.Text(i.QuestionId), Cell.Text(LanguageName(i.Language, language)), Share(d, language), Cell.Text(AdminTexts.Fixed(r, 2, language), "num")]
                    : [Cell.Text(i.QuestionId), Cell.Text(LanguageName(i.Language, language)), Withheld(language, 2)])));
    }

    private void ItemTable(StringBuilder html, string moduleId, List<ItemStatistics> items, string language)
    {
        html.Append("<h3 id=\"flags-legend\">").Append(T(language, "admin.flag.legend")).Append("</h3>\n<dl class=\"legend\">\n");
        foreach (var (_, key) in FlagKeys)
        {
            html.Append("<div><dt>").Append(T(language, key + ".short")).Append("</dt><dd>").Append(T(language, key)).Append("</dd></div>\n");
        }

        html.Append("</dl>\n");
        AdminFigure.Table(
            html,
            texts[language, "admin.items.heading"],
            [
                texts[language, "admin.items.question"], texts[language, "admin.items.language"], texts[language, "admin.items.responses"],
                texts[language, "admin.items.difficulty"], texts[language, "admin.items.discrimination"], texts[language, "admin.items.choices"],
                texts[language, "admin.items.review"], texts[language, "admin.items.flags"],
            ],
            items.Select(i => Row(moduleId, i, language)),
            "items");
    }

    private IReadOnlyList<Cell> Row(string moduleId, ItemStatistics item, string language)
    {
        var question = new StringBuilder();
        question.Append("<span class=\"qid\">").Append(E(item.QuestionId)).Append("</span>");
        if (course.QuestionPrompt(moduleId, item.QuestionId, item.Language) is { } prompt)
        {
            question.Append("<span class=\"prompt\" lang=\"").Append(E(item.Language)).Append("\">").Append(E(Shorten(prompt))).Append("</span>");
        }

        var head = new Cell(question.ToString());
        var lang = Cell.Text(LanguageName(item.Language, language));
        if (item.Withheld || item.Difficulty is not { } difficulty)
        {
            return [head, lang, Withheld(language, 6)];
        }

        return
        [
            head,
            lang,
            Cell.Text(AdminTexts.Number(item.Responses, language), "num"),
            Share(difficulty, language),
            item.Discrimination is { } r ? Cell.Text(AdminTexts.Fixed(r, 2, language), "num") : Withheld(language, 1),
            new(Choices(item, language)),
            item.ReviewLedToPass is { } review ? Share(review, language) : Withheld(language, 1),
            Flags(item.Flags, language),
        ];
    }

    private string Choices(ItemStatistics item, string language)
    {
        var html = new StringBuilder("<ul class=\"choices\">");
        foreach (var choice in item.Choices)
        {
            var share = choice.Share is { } s ? AdminTexts.Percent(s, language) : texts[language, "admin.withheld"];
            html.Append("<li>").Append(E(texts.Format(language, "admin.items.choice", ("choice", choice.ChoiceId), ("share", share))));
            if (choice.IsKey)
            {
                html.Append(" <strong>(").Append(T(language, "admin.items.key")).Append(")</strong>");
            }

            html.Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private Cell Flags(ItemFlags flags, string language)
    {
        if (flags == ItemFlags.None)
        {
            return Cell.Text(texts[language, "admin.items.noflag"]);
        }

        var words = new List<string>();
        foreach (var (flag, key) in FlagKeys)
        {
            if (flags.HasFlag(flag))
            {
                words.Add("<li>" + T(language, key + ".short") + "</li>");
            }
        }

        return new("<ul class=\"flags\">" + string.Concat(words) + "</ul>", 1, "flagged");
    }

    private static readonly (ItemFlags Flag, string Key)[] FlagKeys =
    [
        (ItemFlags.TooEasy, "admin.flag.tooeasy"),
        (ItemFlags.TooHard, "admin.flag.toohard"),
        (ItemFlags.NonDiscriminating, "admin.flag.nondiscriminating"),
        (ItemFlags.DistractorBeatsKey, "admin.flag.distractor"),
    ];

    private string LanguageName(string code, string language) =>
        ConnectooBot.Learning.Catalog.Languages.IsSupported(code) ? AdminTexts.Capitalized(texts[language, "language.names." + code], language) : code;

    private static string ModuleUrl(string moduleId, string language) =>
        AdminPaths.Items + "?module=" + Uri.EscapeDataString(moduleId) + "&lang=" + language;

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 110 ? flat : flat[..107].TrimEnd() + "…";
    }

    private Cell Withheld(string language, int span) => new(T(language, "admin.withheld"), span, "withheld");

    private static Cell Share(double value, string language) => Cell.Text(AdminTexts.Percent(value, language), "num");

    private string T(string language, string key) => E(texts[language, key]);
}
