namespace ConnectooBot.Learning.Insights;

/// <summary>The counts behind one <see cref="GroupSummary"/> (a language or a team), added learner by learner.</summary>
internal sealed class GroupTally(int modules)
{
    private readonly int[] _passed = new int[modules];
    private int _learners;
    private int _started;
    private int _completed;
    private int _quizTakers;
    private int _tookPairs;
    private int _firstPassPairs;

    public int Learners => _learners;

    public void Add(LearnerFacts learner)
    {
        _learners++;
        _started += learner.Started ? 1 : 0;
        _completed += learner.Completed ? 1 : 0;
        _quizTakers += learner.Modules.Any(m => m.TookQuiz) ? 1 : 0;
        for (var i = 0; i < learner.Modules.Count; i++)
        {
            var module = learner.Modules[i];
            _passed[i] += module.Passed ? 1 : 0;
            _tookPairs += module.TookQuiz ? 1 : 0;
            _firstPassPairs += module.TookQuiz && module.FirstAttemptPass ? 1 : 0;
        }
    }

    /// <summary>
    /// The group's summary; withheld (every figure null) under <see cref="ProgrammeInsights.MinimumGroup"/> learners.
    /// The pass rate is also null when fewer than the minimum group of its learners took a quiz.
    /// </summary>
    public GroupSummary Summary(string key, string label) =>
        _learners < ProgrammeInsights.MinimumGroup
            ? new GroupSummary(key, label, true, null, null, null, null, null)
            : new GroupSummary(
                key,
                label,
                false,
                _learners,
                _started,
                _completed,
                _quizTakers < ProgrammeInsights.MinimumGroup || _tookPairs == 0 ? null : (double)_firstPassPairs / _tookPairs,
                [.. _passed]);
}
