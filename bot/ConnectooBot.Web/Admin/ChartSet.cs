using System.Text.Json.Nodes;

namespace ConnectooBot.Web.Admin;

/// <summary>What a value axis shows: counts, shares (0–1, drawn as percentages) or plain decimals.</summary>
internal enum ChartScale
{
    Count,
    Share,
    Decimal,
}

/// <summary>A series of a bar or line chart: its label and one value per category (null: not drawn, e.g. withheld).</summary>
internal sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);

/// <summary>A point of a scatter chart and the name its tooltip shows.</summary>
internal sealed record ChartPoint(double X, double Y, string Name);

/// <summary>
/// The charts of one page as data for <c>Assets/admin-charts.js</c>, which draws them with Chart.js: the page carries
/// this JSON in a <c>&lt;script type="application/json"&gt;</c> block (no inline script). The serializer escapes
/// &lt;, &gt; and &amp;, so no text can close the block.
/// </summary>
internal sealed class ChartSet(string language)
{
    private readonly JsonArray _charts = [];

    public void Bar(string id, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, ChartScale scale, string axisTitle) =>
        Add(id, "bar", categories, series, scale, axisTitle);

    public void Line(string id, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, ChartScale scale, string axisTitle) =>
        Add(id, "line", categories, series, scale, axisTitle);

    public void Scatter(string id, IReadOnlyList<(string Label, IReadOnlyList<ChartPoint> Points)> series, string xTitle, string yTitle)
    {
        var datasets = new JsonArray();
        foreach (var (label, points) in series)
        {
            var data = new JsonArray();
            foreach (var point in points)
            {
                data.Add(new JsonObject { ["x"] = point.X, ["y"] = point.Y, ["name"] = point.Name });
            }

            datasets.Add(new JsonObject { ["label"] = label, ["data"] = data });
        }

        _charts.Add(new JsonObject
        {
            ["id"] = id,
            ["type"] = "scatter",
            ["series"] = datasets,
            ["xTitle"] = xTitle,
            ["yTitle"] = yTitle,
        });
    }

    public bool IsEmpty => _charts.Count == 0;

    public string ToJson() => new JsonObject
    {
        ["locale"] = AdminTexts.Culture(language).Name,
        ["charts"] = _charts.DeepClone(),
    }.ToJsonString();

    private void Add(string id, string type, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, ChartScale scale, string axisTitle)
    {
        var datasets = new JsonArray();
        foreach (var one in series)
        {
            var values = new JsonArray();
            foreach (var value in one.Values)
            {
                values.Add(value is { } v ? JsonValue.Create(v) : null);
            }

            datasets.Add(new JsonObject { ["label"] = one.Label, ["data"] = values });
        }

        _charts.Add(new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["labels"] = new JsonArray([.. categories.Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["series"] = datasets,
            ["scale"] = scale.ToString().ToLowerInvariant(),
            ["yTitle"] = axisTitle,
        });
    }
}
