namespace ConnectooBot.Learning.Progress;

/// <summary>What the learner should see after a step of the journey. Rendering is the host's business.</summary>
public abstract record JourneyOutcome
{
    private JourneyOutcome()
    {
    }

    /// <summary>A lesson step (Index &lt; step count) or the lesson's end (Index == step count), which offers the quiz.</summary>
    public sealed record LessonStep(string ModuleId, int Index) : JourneyOutcome;

    /// <summary>The question at <paramref name="Index"/> of an open attempt.</summary>
    public sealed record Question(string ModuleId, int Attempt, int Index, string QuestionId) : JourneyOutcome;

    /// <summary>The answer given to a question, right or wrong, with its explanation; <paramref name="Replayed"/> when it was already answered.</summary>
    public sealed record Feedback(string ModuleId, int Attempt, int Index, string QuestionId, string ChoiceId, bool Correct, bool IsLast, bool Replayed) : JourneyOutcome;

    /// <summary>A finished attempt: score, pass, and the lesson steps to review after a miss.</summary>
    public sealed record QuizResult(string ModuleId, int Attempt, int Correct, int Total, bool Passed, IReadOnlyList<string> ReviewStepIds, bool CourseCompleted) : JourneyOutcome;

    /// <summary>The answer to a lesson's quick check (step <paramref name="StepIndex"/>): not scored, explained, then on to the next step.</summary>
    public sealed record QuickCheckFeedback(string ModuleId, int StepIndex, string QuestionId, string ChoiceId, bool Correct) : JourneyOutcome;

    /// <summary>The six modules with their status.</summary>
    public sealed record CourseMap : JourneyOutcome;

    /// <summary>The click belongs to a card that no longer matches where the learner is; nothing was changed.</summary>
    public sealed record Stale(Position? Current) : JourneyOutcome;
}
