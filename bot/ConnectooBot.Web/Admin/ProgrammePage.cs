using System.Text;
using ConnectooBot.Learning.Insights;
using ConnectooBot.Web.Turns;
using static ConnectooBot.Web.Admin.AdminHtml;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// <c>/admin</c>: the programme at a glance from one snapshot — learners started, active in 30 days and completed; the
/// funnel per module; first-attempt pass rate and attempts per pass; time to complete; language and team groups; the
/// weekly trend. Each chart has its caption and its table; a withheld group says so in words and shows no figure.
/// </summary>
internal sealed class ProgrammePage(AdminTexts texts, AdminCourseView course, AdminLayout layout)
{
    public string Render(ProgrammeInsights insights, AdminPageFrame frame)
    {
        var language = frame.Language;
        var charts = new ChartSet(language);
        var html = new StringBuilder(32_768);
        html.Append("<h1>").Append(T(language, "admin.programme.heading")).Append("</h1>\n");
        AdminSnapshotLine.Append(html, texts, insights, language);
        Totals(html, insights, language);
        TimeToComplete(html, insights.TimeToComplete, language);
        Funnel(html, charts, insights.Funnel, language);
        QuizResults(html, charts, insights.Funnel, language);
        Groups(html, charts, insights.ByLanguage, "language", language);
        Groups(html, charts, insights.ByTeam, "team", language);
        if (insights.TeamsWithoutRoster > 0)
        {
            html.Append("<p class=\"note\">").Append(E(texts.Format(language, "admin.groups.team.unread", ("count", AdminTexts.Number(insights.TeamsWithoutRoster, language))))).Append("</p>\n");
        }

        Weekly(html, charts, insights.Weekly, language);
        return layout.Page(frame, html.ToString(), charts.ToJson());
    }

    private void Totals(StringBuilder html, ProgrammeInsights insights, string language)
    {
        var totals = insights.Totals;
        html.Append("<section aria-labelledby=\"totals-heading\">\n<h2 id=\"totals-heading\">").Append(T(language, "admin.totals.heading"))
            .Append("</h2>\n<dl class=\"stats\">\n");
        Stat(html, T(language, "admin.totals.learners"), AdminTexts.Number(totals.Learners, language), "learners");
        Stat(html, T(language, "admin.totals.started"), AdminTexts.Number(totals.Started, language), "started");
        Stat(html, T(language, "admin.totals.active"), AdminTexts.Number(totals.ActiveLast30Days, language), "active");
        Stat(html, T(language, "admin.totals.completed"), AdminTexts.Number(totals.Completed, language), "completed");
        html.Append("</dl>\n</section>\n");
    }

    private void TimeToComplete(StringBuilder html, DurationSummary time, string language)
    {
        html.Append("<section aria-labelledby=\"time-heading\">\n<h2 id=\"time-heading\">").Append(T(language, "admin.time.heading")).Append("</h2>\n");
        if (time.Median is not { } median || time.P90 is not { } p90)
        {
            html.Append("<p class=\"withheld\">").Append(T(language, "admin.withheld")).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<p>").Append(E(texts.Format(language, "admin.time.intro", ("count", AdminTexts.Number(time.Count, language))))).Append("</p>\n<dl class=\"stats\">\n");
        Stat(html, T(language, "admin.time.median"), texts.Duration(median, language), "time-median");
        Stat(html, T(language, "admin.time.p90"), texts.Duration(p90, language), "time-p90");
        html.Append("</dl>\n</section>\n");
    }

    private void Funnel(StringBuilder html, ChartSet charts, IReadOnlyList<ModuleFunnelStep> funnel, string language)
    {
        Section(html, "funnel", T(language, "admin.funnel.heading"));
        string[] series = [texts[language, "admin.funnel.opened"], texts[language, "admin.funnel.lesson"], texts[language, "admin.funnel.passed"]];
        charts.Bar(
            "chart-funnel",
            [.. funnel.Select(s => ModuleShort(s, language))],
            [
                new(series[0], [.. funnel.Select(s => (double?)s.Opened)]),
                new(series[1], [.. funnel.Select(s => (double?)s.LessonCompleted)]),
                new(series[2], [.. funnel.Select(s => (double?)s.Passed)]),
            ],
            ChartScale.Count,
            texts[language, "admin.groups.learners"]);
        AdminFigure.Chart(html, "chart-funnel", texts[language, "admin.funnel.caption"], texts[language, "admin.table.show"], null, (table, label) =>
            AdminFigure.Table(
                table,
                label,
                [texts[language, "admin.module"], .. series],
                funnel.Select(s => (IReadOnlyList<Cell>)
                [
                    Cell.Text(ModuleLong(s, language)),
                    Count(s.Opened, language),
                    Count(s.LessonCompleted, language),
                    Count(s.Passed, language),
                ])));
        html.Append("</section>\n");
    }

    private void QuizResults(StringBuilder html, ChartSet charts, IReadOnlyList<ModuleFunnelStep> funnel, string language)
    {
        Section(html, "quiz", T(language, "admin.quiz.heading"));
        var categories = funnel.Select(s => ModuleShort(s, language)).ToList();
        var firstPass = texts[language, "admin.quiz.firstpass"];
        var attempts = texts[language, "admin.quiz.attempts"];
        var withheld = funnel.Any(s => s.FirstAttemptPassRate is null) ? texts[language, "admin.chart.withheld"] : null;
        charts.Bar("chart-first-pass", categories, [new(firstPass, [.. funnel.Select(s => s.FirstAttemptPassRate)])], ChartScale.Share, firstPass);
        charts.Bar("chart-attempts", categories, [new(attempts, [.. funnel.Select(s => s.AttemptsPerPass)])], ChartScale.Decimal, attempts);
        void QuizTable(StringBuilder table, string label) => AdminFigure.Table(
            table,
            label,
            [texts[language, "admin.module"], firstPass, attempts],
            funnel.Select(s => s.FirstAttemptPassRate is { } rate && s.AttemptsPerPass is { } perPass
                ? (IReadOnlyList<Cell>)[Cell.Text(ModuleLong(s, language)), Share(rate, language), Cell.Text(AdminTexts.Fixed(perPass, 2, language), "num")]
                : [Cell.Text(ModuleLong(s, language)), Withheld(language, 2)]));
        AdminFigure.Chart(html, "chart-first-pass", texts[language, "admin.quiz.caption"], texts[language, "admin.table.show"], withheld, QuizTable);
        AdminFigure.Chart(html, "chart-attempts", texts[language, "admin.attempts.caption"], texts[language, "admin.table.show"], withheld, QuizTable);
        html.Append("</section>\n");
    }

    private void Groups(StringBuilder html, ChartSet charts, IReadOnlyList<GroupSummary> groups, string kind, string language)
    {
        Section(html, "groups-" + kind, T(language, $"admin.groups.{kind}.heading"));
        if (groups.Count == 0)
        {
            html.Append("<p>").Append(T(language, "admin.groups.none")).Append("</p>\n</section>\n");
            return;
        }

        var shown = groups.Where(g => !g.Withheld).ToList();
        var started = texts[language, "admin.groups.started"];
        var completed = texts[language, "admin.groups.completed"];
        var id = "chart-" + kind;
        charts.Bar(
            id,
            [.. shown.Select(g => GroupLabel(g, kind, language))],
            [new(started, [.. shown.Select(g => (double?)g.Started)]), new(completed, [.. shown.Select(g => (double?)g.Completed)])],
            ChartScale.Count,
            texts[language, "admin.groups.learners"]);
        var note = shown.Count < groups.Count ? texts[language, "admin.chart.withheld"] : null;
        AdminFigure.Chart(html, id, texts[language, $"admin.groups.{kind}.caption"], texts[language, "admin.table.show"], note, (table, label) =>
            AdminFigure.Table(
                table,
                label,
                [texts[language, "admin.groups." + kind], texts[language, "admin.groups.learners"], started, completed, texts[language, "admin.groups.firstpass"]],
                groups.Select(g => g.Withheld
                    ? (IReadOnlyList<Cell>)[Cell.Text(GroupLabel(g, kind, language)), Withheld(language, 4)]
                    :
                    [
                        Cell.Text(GroupLabel(g, kind, language)),
                        CountOrWithheld(g.Learners, language),
                        CountOrWithheld(g.Started, language),
                        CountOrWithheld(g.Completed, language),
                        g.FirstAttemptPassRate is { } rate ? Share(rate, language) : Withheld(language, 1),
                    ])));
        html.Append("</section>\n");
    }

    private void Weekly(StringBuilder html, ChartSet charts, IReadOnlyList<WeeklyPoint> weeks, string language)
    {
        Section(html, "weekly", T(language, "admin.weekly.heading"));
        string[] series = [texts[language, "admin.weekly.started"], texts[language, "admin.weekly.active"], texts[language, "admin.weekly.completed"]];
        var culture = AdminTexts.Culture(language);
        var labels = weeks.Select(w => w.WeekStart.ToString("d MMM yyyy", culture)).ToList();
        charts.Line(
            "chart-weekly",
            labels,
            [
                new(series[0], [.. weeks.Select(w => (double?)w.Started)]),
                new(series[1], [.. weeks.Select(w => (double?)w.Active)]),
                new(series[2], [.. weeks.Select(w => (double?)w.Completed)]),
            ],
            ChartScale.Count,
            texts[language, "admin.groups.learners"]);
        AdminFigure.Chart(html, "chart-weekly", texts[language, "admin.weekly.caption"], texts[language, "admin.table.show"], null, (table, label) =>
            AdminFigure.Table(
                table,
                label,
                [texts[language, "admin.weekly.week"], .. series],
                weeks.Select((w, i) => (IReadOnlyList<Cell>)[Cell.Text(labels[i]), Count(w.Started, language), Count(w.Active, language), Count(w.Completed, language)])));
        html.Append("</section>\n");
    }

    private string ModuleShort(ModuleFunnelStep step, string language) =>
        texts.Format(language, "admin.module.numbered", ("number", AdminTexts.Number(step.Number, language)));

    private string ModuleLong(ModuleFunnelStep step, string language) =>
        AdminTexts.Number(step.Number, language) + ". " + course.ModuleTitle(step.ModuleId, step.Number, language);

    private string GroupLabel(GroupSummary group, string kind, string language) =>
        kind == "language" && ConnectooBot.Learning.Catalog.Languages.IsSupported(group.Key)
            ? AdminTexts.Capitalized(texts[language, "language.names." + group.Key], language)
            : group.Label;

    private Cell Withheld(string language, int span) => new(T(language, "admin.withheld"), span, "withheld");

    private Cell CountOrWithheld(int? value, string language) => value is { } v ? Count(v, language) : Withheld(language, 1);

    private static Cell Count(int value, string language) => Cell.Text(AdminTexts.Number(value, language), "num");

    private static Cell Share(double value, string language) => Cell.Text(AdminTexts.Percent(value, language), "num");

    private static void Section(StringBuilder html, string id, string heading) =>
        html.Append("<section aria-labelledby=\"").Append(id).Append("-heading\">\n<h2 id=\"").Append(id).Append("-heading\">")
            .Append(heading).Append("</h2>\n");

    /// <summary>A headline figure: term (encoded already) and value (plain text, encoded here).</summary>
    private static void Stat(StringBuilder html, string term, string value, string id) =>
        html.Append("<div><dt>").Append(term).Append("</dt><dd data-figure=\"").Append(id).Append("\">").Append(E(value)).Append("</dd></div>\n");

    private string T(string language, string key) => E(texts[language, key]);
}
