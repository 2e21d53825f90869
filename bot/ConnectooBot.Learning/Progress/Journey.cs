using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Learning.Progress;

/// <summary>
/// The learner journey as pure functions of (course, progress, action): lessons, quizzes, results. Every action names
/// what it acts on (module, step or question, attempt), so a click on an old card or a double click is recognised:
/// it changes nothing and says where the learner is, or replays the answer already given.
/// </summary>
public static class Journey
{
    /// <summary>"start" / the welcome's Start: the first module for a newcomer, otherwise where they stopped.</summary>
    public static JourneyStep Start(Course course, CourseProgress progress)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Current is null && course.Modules.Count > 0
            ? OpenModule(course, progress, course.Modules[0].Id)
            : Continue(course, progress);
    }

    /// <summary>
    /// "continue", typed or clicked, moves forward from wherever the learner is: the step or question they stopped at;
    /// after a failed quiz its result (retry, the steps to review); after a passed quiz the next module not yet passed,
    /// then the final case, then the course map with the badge. Never a dead end.
    /// </summary>
    public static JourneyStep Continue(Course course, CourseProgress progress)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Current is not { } current || course.FindModule(current.ModuleId) is null)
        {
            return new JourneyStep(progress, new JourneyOutcome.CourseMap());
        }

        if (current.Kind == PositionKind.Quiz && progress.Module(current.ModuleId).Attempts.LastOrDefault() is { FinishedAt: not null } finished)
        {
            if (!finished.Passed)
            {
                return new JourneyStep(progress, Result(course, progress, current.ModuleId, finished));
            }

            return NextToLearn(course, progress, current.ModuleId) is { } next
                ? OpenModule(course, progress, next.Id)
                : new JourneyStep(progress, new JourneyOutcome.CourseMap());
        }

        return new JourneyStep(progress, Show(progress, current));
    }

    /// <summary>After <paramref name="moduleId"/>: the next module not yet passed (in the recommended order, wrapping), else the final case if not passed.</summary>
    public static Module? NextToLearn(Course course, CourseProgress progress, string moduleId)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        return course.Modules.SkipWhile(m => m.Id != moduleId).Skip(1).Concat(course.Modules).FirstOrDefault(m => m.Id != moduleId && !progress.Module(m.Id).Passed)
            ?? (course.FinalCase is { } finalCase && finalCase.Id != moduleId && !progress.Module(finalCase.Id).Passed ? finalCase : null);
    }

    /// <summary>Opens a module where the learner left it: an open quiz, the furthest lesson step, or the first step.</summary>
    public static JourneyStep OpenModule(Course course, CourseProgress progress, string moduleId)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (course.FindModule(moduleId) is not { } module)
        {
            return Stale(progress);
        }

        var state = progress.Module(moduleId);
        var position = state.OpenAttempt is { } open
            ? new Position(moduleId, PositionKind.Quiz, open.NextQuestionIndex)
            : new Position(moduleId, PositionKind.Lesson, state.LessonCompleted || state.FurthestStep < 0 ? 0 : Math.Min(state.FurthestStep, module.Steps.Count - 1));
        var updated = Move(progress, state, position, module);
        return new JourneyStep(updated, Show(updated, position));
    }

    /// <summary>
    /// Opens lesson step <paramref name="index"/> of a module directly (the "steps to review" after a failed quiz):
    /// an open quiz is left as it is, to be resumed with Continue.
    /// </summary>
    public static JourneyStep OpenStep(Course course, CourseProgress progress, string moduleId, int index)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (course.FindModule(moduleId) is not { } module || index < 0 || index >= module.Steps.Count)
        {
            return Stale(progress);
        }

        var target = new Position(moduleId, PositionKind.Lesson, index);
        var updated = Move(progress, progress.Module(moduleId), target, module);
        return new JourneyStep(updated, Show(updated, target));
    }

    /// <summary>
    /// A step shown to read only (the answer to a question about its subject): the learner's place, what they reached
    /// and their quiz stay as they were; Next or Back on that card moves them as any lesson card does.
    /// </summary>
    public static JourneyStep ViewStep(Course course, CourseProgress progress, string moduleId, int index)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        return course.FindModule(moduleId) is { } module && index >= 0 && index < module.Steps.Count
            ? new JourneyStep(progress, new JourneyOutcome.LessonStep(moduleId, index))
            : Stale(progress);
    }

    /// <summary>
    /// Next or Back on a lesson card showing step <paramref name="fromIndex"/>. Index == step count is the lesson's end.
    /// From a card of another module than the learner's, the step is shown to read and nothing moves.
    /// </summary>
    public static JourneyStep GoToStep(Course course, CourseProgress progress, string moduleId, int fromIndex, int toIndex)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (course.FindModule(moduleId) is not { } module || toIndex < 0 || toIndex > module.Steps.Count || Math.Abs(toIndex - fromIndex) != 1)
        {
            return Stale(progress);
        }

        var target = new Position(moduleId, PositionKind.Lesson, toIndex);
        if (progress.Current == target)
        {
            return new JourneyStep(progress, Show(progress, target)); // a double click: already there
        }

        if (progress.Current != new Position(moduleId, PositionKind.Lesson, fromIndex))
        {
            // Next or Back on a card of a module the learner is not in (an old card from before a switch, a module left
            // for another): the step is shown to read, and their place stays where it is. In the module they are in, an
            // old card is stale: their place would jump.
            return progress.Current is { } current && current.ModuleId != moduleId
                ? new JourneyStep(progress, Show(progress, target))
                : Stale(progress);
        }

        var updated = Move(progress, progress.Module(moduleId), target, module);
        return new JourneyStep(updated, Show(updated, target));
    }

    /// <summary>
    /// An answer to the quick check shown with lesson step <paramref name="stepIndex"/>: explained right away, not scored,
    /// nothing stored (a replay or an old card shows the same explanation). The learner goes on with Next.
    /// </summary>
    public static JourneyStep QuickCheck(Course course, CourseProgress progress, string moduleId, int stepIndex, string questionId, string choiceId)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (course.FindModule(moduleId) is not { } module || stepIndex < 0 || stepIndex >= module.Steps.Count
            || module.Steps[stepIndex].QuickCheckId != questionId || module.FindQuestion(questionId) is not { } question
            || !question.Choices.Contains(choiceId))
        {
            return Stale(progress);
        }

        return new JourneyStep(progress, new JourneyOutcome.QuickCheckFeedback(moduleId, stepIndex, questionId, choiceId, choiceId == question.Correct));
    }

    /// <summary>Starts a quiz attempt, or resumes the open one (a double click never opens two).</summary>
    public static JourneyStep StartQuiz(Course course, CourseProgress progress, string moduleId, DateTimeOffset now, int seed)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (course.FindModule(moduleId) is not { } module)
        {
            return Stale(progress);
        }

        var state = progress.Module(moduleId);
        if (state.OpenAttempt is { } open)
        {
            var resume = new Position(moduleId, PositionKind.Quiz, open.NextQuestionIndex);
            var resumed = progress.Current == resume ? progress : progress with { Current = resume };
            return new JourneyStep(resumed, Show(resumed, resume));
        }

        var attempt = new QuizAttempt
        {
            Number = state.AttemptCount + 1,
            QuestionIds = QuestionDraw.Draw(module, state.LastDrawn(), module.IsCase ? module.Questions.Count : course.QuestionsPerAttempt, seed),
            StartedAt = now,
            ContentVersion = course.Version,
        };
        var position = new Position(moduleId, PositionKind.Quiz, 0);
        var updated = progress.With(state.WithNewAttempt(attempt)) with { Current = position };
        return new JourneyStep(updated, Show(updated, position));
    }

    /// <summary>True when every module of the course is passed (the final case is not one of them): the badge is earned.</summary>
    public static bool IsCompleted(Course course, CourseProgress progress)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        return course.Modules.Count > 0 && course.Modules.All(m => progress.Module(m.Id).Passed);
    }

    /// <summary>An answer to question <paramref name="questionId"/> of attempt <paramref name="attempt"/>; counted once.</summary>
    public static JourneyStep Answer(Course course, CourseProgress progress, string moduleId, int attempt, string questionId, string choiceId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (course.FindModule(moduleId) is not { } module || module.FindQuestion(questionId) is not { } question)
        {
            return Stale(progress);
        }

        var state = progress.Module(moduleId);
        var target = state.Attempts.FirstOrDefault(a => a.Number == attempt);
        if (target?.AnswerTo(questionId) is { } given)
        {
            var index = target.QuestionIds.IndexOf(questionId);
            return new JourneyStep(progress, new JourneyOutcome.Feedback(moduleId, attempt, index, questionId, given.ChoiceId, given.Correct, index == target.QuestionIds.Count - 1, Replayed: true));
        }

        if (target is null || target.FinishedAt is not null || target.NextQuestionIndex >= target.QuestionIds.Count
            || target.QuestionIds[target.NextQuestionIndex] != questionId || !question.Choices.Contains(choiceId))
        {
            return Stale(progress);
        }

        var answered = target with { Answers = target.Answers.Add(new Progress.Answer(questionId, choiceId, choiceId == question.Correct, now)) };
        var isLast = answered.Answers.Count == answered.QuestionIds.Count;
        if (isLast)
        {
            answered = answered with { FinishedAt = now, Passed = answered.Score >= course.PassMark };
        }

        var attempts = state.Attempts.SetItem(state.Attempts.IndexOf(target), answered);
        var position = new Position(moduleId, PositionKind.Quiz, answered.Answers.Count - 1);
        var updated = progress.With(state with { Attempts = attempts }) with { Current = position };
        return new JourneyStep(updated, new JourneyOutcome.Feedback(moduleId, attempt, answered.Answers.Count - 1, questionId, choiceId, choiceId == question.Correct, isLast, Replayed: false));
    }

    /// <summary>"Next question" on a feedback card, or "See my result" after the last one.</summary>
    public static JourneyStep AfterFeedback(Course course, CourseProgress progress, string moduleId, int attempt)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (course.FindModule(moduleId) is null || progress.Module(moduleId).Attempts.FirstOrDefault(a => a.Number == attempt) is not { } target)
        {
            return Stale(progress);
        }

        var position = new Position(moduleId, PositionKind.Quiz, target.NextQuestionIndex);
        var updated = progress.Current == position ? progress : progress with { Current = position };
        return new JourneyStep(updated, target.FinishedAt is null ? Show(updated, position) : Result(course, updated, moduleId, target));
    }

    private static JourneyOutcome Show(CourseProgress progress, Position position)
    {
        if (position.Kind == PositionKind.Lesson)
        {
            return new JourneyOutcome.LessonStep(position.ModuleId, position.Index);
        }

        var attempt = progress.Module(position.ModuleId).Attempts.LastOrDefault();
        if (attempt is null)
        {
            return new JourneyOutcome.CourseMap();
        }

        var index = attempt.NextQuestionIndex;
        return index < attempt.QuestionIds.Count
            ? new JourneyOutcome.Question(position.ModuleId, attempt.Number, index, attempt.QuestionIds[index])
            : new JourneyOutcome.Stale(position);
    }

    private static JourneyOutcome.QuizResult Result(Course course, CourseProgress progress, string moduleId, QuizAttempt attempt)
    {
        var module = course.FindModule(moduleId)!;
        var missed = attempt.Answers.Where(a => !a.Correct).Select(a => module.FindQuestion(a.QuestionId)).OfType<Question>();
        var review = missed.SelectMany(q => q.Checks).Distinct(StringComparer.Ordinal).OrderBy(module.StepIndex).ToList();
        var completed = !module.IsCase && IsCompleted(course, progress); // the final case is not a module of the badge
        return new JourneyOutcome.QuizResult(moduleId, attempt.Number, attempt.Answers.Count(a => a.Correct), attempt.QuestionIds.Count, attempt.Passed, attempt.Passed ? [] : review, completed);
    }

    private static CourseProgress Move(CourseProgress progress, ModuleProgress state, Position position, Module module)
    {
        var moved = state;
        if (position.Kind == PositionKind.Lesson)
        {
            moved = state with
            {
                FurthestStep = Math.Max(state.FurthestStep, Math.Min(position.Index, module.Steps.Count - 1)),
                LessonCompleted = state.LessonCompleted || position.Index == module.Steps.Count,
            };
        }

        if (moved == state && progress.Current == position)
        {
            return progress;
        }

        return (moved == state ? progress : progress.With(moved)) with { Current = position };
    }

    private static JourneyStep Stale(CourseProgress progress) => new(progress, new JourneyOutcome.Stale(progress.Current));
}
