using System.Globalization;
using System.Text;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Learning.Insights;

/// <summary>
/// The item analysis of one module as CSV for its authors (RFC 4180: comma-separated, CRLF line ends, a field with a
/// comma, a quote or a line break in double quotes, quotes doubled). One row per question and language, in the bank's
/// order: module, question id, language, question text (from the course's texts, when the course still has it),
/// responses, difficulty, discrimination, key, the share of each choice of the module (a column per choice id),
/// review led to pass, flags. Figures use a dot and three decimals; an undefined figure (a discrimination without
/// variance, a review share with fewer than five misses) is empty. A withheld row (fewer than
/// <see cref="ProgrammeInsights.MinimumGroup"/> responses) says <c>withheld</c> in every figure column, never a number.
/// The text is a string: write it as UTF-8 with a byte order mark so spreadsheet programs read the accents.
/// </summary>
public static class ItemAnalysisCsv
{
    public const string Withheld = "withheld";

    public static string Write(ProgrammeInsights insights, Course course, string moduleId)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(course);
        var module = course.FindModule(moduleId);
        var items = insights.Items.Where(i => i.ModuleId == moduleId).ToList();
        var choices = (module?.Questions.SelectMany(q => q.Choices) ?? items.SelectMany(i => i.Choices.Select(c => c.ChoiceId)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        Line(csv, ["module", "question", "language", "question text", "responses", "difficulty", "discrimination", "key", .. choices.Select(c => "share " + c), "review led to pass", "flags"]);
        foreach (var item in items)
        {
            var text = module is not null && module.Texts.TryGetValue(item.Language, out var texts) && texts.Questions.TryGetValue(item.QuestionId, out var question) ? question.Prompt : "";
            var key = string.Join(' ', item.Choices.Where(c => c.IsKey).Select(c => c.ChoiceId));
            List<string> fields = [item.ModuleId, item.QuestionId, item.Language, text];
            if (item.Withheld)
            {
                fields.AddRange(Enumerable.Repeat(Withheld, 3 + choices.Count + 3));
                fields[7] = key;
            }
            else
            {
                fields.Add(item.Responses.ToString(CultureInfo.InvariantCulture));
                fields.Add(Number(item.Difficulty));
                fields.Add(Number(item.Discrimination));
                fields.Add(key);
                fields.AddRange(choices.Select(c => Number(item.Choices.FirstOrDefault(s => s.ChoiceId == c)?.Share)));
                fields.Add(Number(item.ReviewLedToPass));
                fields.Add(Flags(item.Flags));
            }

            Line(csv, fields);
        }

        return csv.ToString();
    }

    /// <summary>"TooEasy; NonDiscriminating", or empty.</summary>
    public static string Flags(ItemFlags flags) =>
        string.Join("; ", Enum.GetValues<ItemFlags>().Where(f => f != ItemFlags.None && flags.HasFlag(f)).Select(f => f.ToString()));

    /// <summary>One field as RFC 4180 wants it: quoted (quotes doubled) when it holds a comma, a quote or a line break.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
