namespace ConnectooBot.Learning.Catalog;

/// <summary>
/// How much of a quiz can be passed without the lesson, by answer length alone, in one language: the share of
/// questions whose correct choice is the strictly longest, and the probability that "always pick the longest choice"
/// (picking at random among choices tied for longest) passes an attempt of <c>perAttempt</c> questions drawn from the
/// bank. Exact: the draw is a uniform subset, so the pass probability is a sum over subsets, computed by dynamic
/// programming over (questions drawn, questions right). A first attempt draws the questions that are no quick check first
/// (<see cref="Progress.QuestionDraw"/>): uniformly among them when there are enough, else all of them filled up with a
/// uniform draw of quick checks. The figure is the higher of the first attempt's and a uniform draw from the whole bank.
/// </summary>
public sealed record QuizStatistics(int Questions, int CorrectIsLongest, double LongestCorrectShare, double BlindPassProbability)
{
    public static QuizStatistics Of(Module module, string language, int perAttempt, decimal passMark)
    {
        ArgumentNullException.ThrowIfNull(module);
        var chances = new List<double>();
        var firstPool = new List<double>();
        var fillers = new List<double>();
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
            (quickChecks.Contains(question.Id) ? fillers : firstPool).Add(chance);

            longest += correctIsAmongLongest && tied == 1 ? 1 : 0;
        }

        var share = chances.Count == 0 ? 0 : (double)longest / chances.Count;
        var drawn = Math.Min(perAttempt, chances.Count);
        var firstAttempt = firstPool.Count >= drawn
            ? PassProbability(firstPool, drawn, passMark)
            : PassProbability(firstPool, fillers, drawn, passMark);
        var blindPass = Math.Max(PassProbability(chances, drawn, passMark), firstAttempt);

        return new QuizStatistics(chances.Count, longest, share, blindPass);
    }

    /// <summary>The probability that an attempt of <paramref name="drawn"/> questions, each right with its chance, scores at least the pass mark.</summary>
    public static double PassProbability(IReadOnlyList<double> chances, int drawn, decimal passMark)
    {
        ArgumentNullException.ThrowIfNull(chances);
        return drawn <= 0 || drawn > chances.Count ? 0 : Passing(RightCounts(chances, drawn), drawn, passMark);
    }

    /// <summary>
    /// As <see cref="PassProbability"/> for a first attempt that takes every one of <paramref name="always"/> and fills up
    /// with a uniform draw from <paramref name="fillers"/> (a bank with fewer questions that are no quick check than an
    /// attempt holds).
    /// </summary>
    public static double PassProbability(IReadOnlyList<double> always, IReadOnlyList<double> fillers, int drawn, decimal passMark)
    {
        ArgumentNullException.ThrowIfNull(always);
        ArgumentNullException.ThrowIfNull(fillers);
        var fill = drawn - always.Count;
        if (drawn <= 0 || fill < 0 || fill > fillers.Count)
        {
            return 0;
        }

        var fixedPart = RightCounts(always, always.Count);
        var filled = RightCounts(fillers, fill);
        var combined = new double[drawn + 1];
        for (var a = 0; a < fixedPart.Length; a++)
        {
            for (var b = 0; b < filled.Length; b++)
            {
                combined[a + b] += fixedPart[a] * filled[b];
            }
        }

        return Passing(combined, drawn, passMark);
    }

    /// <summary>For a uniform draw of <paramref name="drawn"/> of the questions, the probability of each number right (index).</summary>
    private static double[] RightCounts(IReadOnlyList<double> chances, int drawn)
    {
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

        var subsets = Subsets(chances.Count, drawn);
        return [.. Enumerable.Range(0, drawn + 1).Select(j => ways[drawn, j] / subsets)];
    }

    private static double Passing(double[] rightCounts, int drawn, decimal passMark)
    {
        var needed = Enumerable.Range(0, drawn + 1).First(k => (decimal)k / drawn >= passMark);
        return rightCounts.Skip(needed).Sum();
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
