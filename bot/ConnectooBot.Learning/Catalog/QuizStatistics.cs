namespace ConnectooBot.Learning.Catalog;

/// <summary>
/// How much of a quiz can be passed without the lesson, by answer length alone, in one language: the share of
/// questions whose correct choice is the strictly longest, and the probability that "always pick the longest choice"
/// (picking at random among choices tied for longest) passes an attempt of <c>perAttempt</c> questions drawn from the
/// bank. Exact: the draw is a uniform subset, so the pass probability is a sum over subsets, computed by dynamic
/// programming over (questions drawn, questions right). A first attempt draws from the questions that are no quick check
/// when there are enough of them (<see cref="Progress.QuestionDraw"/>): the figure is the higher of the two pools'.
/// </summary>
public sealed record QuizStatistics(int Questions, int CorrectIsLongest, double LongestCorrectShare, double BlindPassProbability)
{
    public static QuizStatistics Of(Module module, string language, int perAttempt, decimal passMark)
    {
        ArgumentNullException.ThrowIfNull(module);
        var chances = new List<double>();
        var firstPool = new List<double>();
        var quickChecks = module.QuickCheckIds;
        var longest = 0;
        foreach (var question in module.Questions)
        {
            var lengths = module.Texts[language].Questions[question.Id].Choices.ToDictionary(c => c.Key, c => c.Value.Text.Trim().Length, StringComparer.Ordinal);
            var max = lengths.Values.Max();
            var tied = lengths.Count(l => l.Value == max);
            var correctIsAmongLongest = lengths[question.Correct] == max;
            var chance = correctIsAmongLongest ? 1.0 / tied : 0;
            chances.Add(chance);
            if (!quickChecks.Contains(question.Id))
            {
                firstPool.Add(chance);
            }

            longest += correctIsAmongLongest && tied == 1 ? 1 : 0;
        }

        var share = chances.Count == 0 ? 0 : (double)longest / chances.Count;
        var blindPass = PassProbability(chances, Math.Min(perAttempt, chances.Count), passMark);
        if (firstPool.Count >= perAttempt)
        {
            blindPass = Math.Max(blindPass, PassProbability(firstPool, perAttempt, passMark));
        }

        return new QuizStatistics(chances.Count, longest, share, blindPass);
    }

    /// <summary>The probability that an attempt of <paramref name="drawn"/> questions, each right with its chance, scores at least the pass mark.</summary>
    public static double PassProbability(IReadOnlyList<double> chances, int drawn, decimal passMark)
    {
        ArgumentNullException.ThrowIfNull(chances);
        if (drawn <= 0 || drawn > chances.Count)
        {
            return 0;
        }

        var needed = Enumerable.Range(0, drawn + 1).First(k => (decimal)k / drawn >= passMark);

        // ways[k][j]: over the subsets of size k of the questions seen so far, the summed probability of j right.
        var ways = new double[drawn + 1, drawn + 1];
        ways[0, 0] = 1;
        foreach (var chance in chances)
        {
            for (var k = drawn - 1; k >= 0; k--)
            {
                for (var j = k; j >= 0; j--)
                {
                    var value = ways[k, j];
                    if (value != 0)
                    {
                        ways[k + 1, j] += value * (1 - chance);
                        ways[k + 1, j + 1] += value * chance;
                    }
                }
            }
        }

        var passing = 0.0;
        for (var j = needed; j <= drawn; j++)
        {
            passing += ways[drawn, j];
        }

        return passing / Subsets(chances.Count, drawn);
    }

    private static double Subsets(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
