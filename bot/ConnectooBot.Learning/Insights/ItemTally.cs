namespace ConnectooBot.Learning.Insights;

/// <summary>
/// The counts behind one <see cref="ItemStatistics"/> (a question in a language), added first answer by first answer:
/// responses, right answers, choices, the sums of the point-biserial correlation, and the misses followed by a pass.
/// </summary>
internal sealed class ItemTally(string moduleId, string questionId, string language, IReadOnlyList<string> choices, string key)
{
    private readonly Dictionary<string, int> _choices = new(StringComparer.Ordinal);
    private int _responses;
    private int _correct;
    private int _missed;
    private int _missedThenPassed;
    private int _pairs;
    private double _sumX;
    private double _sumY;
    private double _sumXY;
    private double _sumYY;

    /// <param name="answer">The learner's first answer to the item.</param>
    /// <param name="rest">The learner's share right over the other questions of the module they first-answered (null: none).</param>
    /// <param name="modulePassed">Whether the learner has passed the module (at any time).</param>
    public void Add(FirstAnswer answer, double? rest, bool modulePassed)
    {
        _responses++;
        _correct += answer.Correct ? 1 : 0;
        _choices[answer.ChoiceId] = _choices.GetValueOrDefault(answer.ChoiceId) + 1;
        if (!answer.Correct)
        {
            _missed++;
            _missedThenPassed += modulePassed ? 1 : 0;
        }

        if (rest is { } y)
        {
            var x = answer.Correct ? 1.0 : 0.0;
            _pairs++;
            _sumX += x;
            _sumY += y;
            _sumXY += x * y;
            _sumYY += y * y;
        }
    }

    public ItemStatistics Statistics()
    {
        if (_responses < ProgrammeInsights.MinimumGroup)
        {
            return new ItemStatistics(moduleId, questionId, language, 0, true, null, null, [.. choices.Select(c => new ChoiceShare(c, c == key, null))], null, ItemFlags.None);
        }

        var difficulty = (double)_correct / _responses;
        var discrimination = PointBiserial();
        var shares = choices.Select(c => new ChoiceShare(c, c == key, (double)_choices.GetValueOrDefault(c) / _responses)).ToList();
        var reviewLedToPass = _missed < ProgrammeInsights.MinimumGroup ? (double?)null : (double)_missedThenPassed / _missed;
        var flags = ItemFlags.None;
        flags |= difficulty > ProgrammeRollup.TooEasyAbove ? ItemFlags.TooEasy : ItemFlags.None;
        flags |= difficulty < ProgrammeRollup.TooHardBelow ? ItemFlags.TooHard : ItemFlags.None;
        flags |= discrimination < ProgrammeRollup.DiscriminatingFrom ? ItemFlags.NonDiscriminating : ItemFlags.None;
        flags |= shares.Any(s => !s.IsKey && s.Share > _choices.GetValueOrDefault(key) / (double)_responses) ? ItemFlags.DistractorBeatsKey : ItemFlags.None;
        return new ItemStatistics(moduleId, questionId, language, _responses, false, difficulty, discrimination, shares, reviewLedToPass, flags);
    }

    /// <summary>
    /// Pearson's correlation between the item (0/1) and the rest score, over the learners who first-answered at least
    /// one other question of the module; null when fewer than the minimum group, or when either side does not vary.
    /// </summary>
    private double? PointBiserial()
    {
        if (_pairs < ProgrammeInsights.MinimumGroup)
        {
            return null;
        }

        var n = (double)_pairs;
        var covariance = _sumXY - (_sumX * _sumY / n);
        var varianceX = _sumX - (_sumX * _sumX / n);
        var varianceY = _sumYY - (_sumY * _sumY / n);
        return varianceX <= 1e-12 || varianceY <= 1e-12 ? null : covariance / Math.Sqrt(varianceX * varianceY);
    }
}
