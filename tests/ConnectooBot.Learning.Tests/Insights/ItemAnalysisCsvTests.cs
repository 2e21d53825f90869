using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Insights;
using static ConnectooBot.Learning.Tests.Insights.InsightsLearners;

namespace ConnectooBot.Learning.Tests.Insights;

public sealed class ItemAnalysisCsvTests
{
    private const string Prompt = "Qu'est-ce qu'un « aidant », \"vraiment\" ?\nDeux lignes";

    private static Course CourseWithText()
    {
        var course = CourseBuilder.Build(modules: 1, questions: 3);
        var choices = new Dictionary<string, ChoiceText> { ["a"] = new("A", "-"), ["b"] = new("B", "-"), ["c"] = new("C", "-") };
        var text = new ModuleText("Titre", "Résumé", new Dictionary<string, StepText>(), new Dictionary<string, QuestionText> { ["q1"] = new(Prompt, choices) });
        return course with { Modules = [course.Modules[0] with { Texts = new Dictionary<string, ModuleText> { ["fr"] = text } }] };
    }

    private static List<List<string>> Parse(string csv)
    {
        // A small RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF records.
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    [Fact]
    public void OneRowPerQuestionAndLanguage_WithTheQuestionText_QuotedAsRfc4180Wants()
    {
        var course = CourseWithText();
        var learners = Enumerable.Range(0, 5).Select(i => WithFirstAnswers($"u{i}", "fr", "m1", i < 4 ? "b" : "a", "b", i % 2 == 0 ? "b" : "c"))
            .Concat(Enumerable.Range(0, 3).Select(i => WithFirstAnswers($"n{i}", "nl", "m1", "b", "b", "b")));
        var insights = ProgrammeRollup.Compute(course, Tenant, learners, [], Now);

        var csv = ItemAnalysisCsv.Write(insights, course, "m1");
        var rows = Parse(csv);

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"Qu'est-ce qu'un « aidant », \"\"vraiment\"\" ?\nDeux lignes\"", csv, StringComparison.Ordinal);
        Assert.Equal(["module", "question", "language", "question text", "responses", "difficulty", "discrimination", "key", "share a", "share b", "share c", "review led to pass", "flags"], rows[0]);
        Assert.Equal(1 + 6, rows.Count); // q1..q3 in fr and nl
        // q1 = [1,1,1,1,0], rest = [1,.5,1,.5,1]: Σdx·dy = −.2, Σdx² = .8, Σdy² = .3, r = −.2/√.24 = −1/√6.
        Assert.Equal(["m1", "q1", "fr", Prompt, "5", "0.800", "-0.408", "b", "0.200", "0.800", "0.000", "", "NonDiscriminating"], rows[1]);
        Assert.All(rows.Skip(1), r => Assert.Equal(rows[0].Count, r.Count));
    }

    [Fact]
    public void AWithheldRow_SaysWithheld_InEveryFigureColumn_NeverANumber()
    {
        var course = CourseWithText();
        var learners = Enumerable.Range(0, 4).Select(i => WithFirstAnswers($"d{i}", "de", "m1", "b", "a", "c"));
        var insights = ProgrammeRollup.Compute(course, Tenant, learners, [], Now);

        var rows = Parse(ItemAnalysisCsv.Write(insights, course, "m1"));

        var german = rows.Skip(1).Where(r => r[2] == "de").ToList();
        Assert.Equal(3, german.Count);
        Assert.All(german, r =>
        {
            Assert.Equal("", r[3]); // no German text in this course
            Assert.Equal("b", r[7]);
            Assert.All(r.Skip(4).Where((_, i) => i != 3), f => Assert.Equal("withheld", f));
        });
    }

    [Fact]
    public void FlagsAreNamed_AndAFieldWithoutSpecialCharactersIsLeftAlone()
    {
        Assert.Equal("TooEasy; NonDiscriminating", ItemAnalysisCsv.Flags(ItemFlags.TooEasy | ItemFlags.NonDiscriminating));
        Assert.Equal("", ItemAnalysisCsv.Flags(ItemFlags.None));
        Assert.Equal("plain", ItemAnalysisCsv.Field("plain"));
        Assert.Equal("\"a,b\"", ItemAnalysisCsv.Field("a,b"));
        Assert.Equal("\"line\r\nbreak\"", ItemAnalysisCsv.Field("line\r\nbreak"));
    }
}
