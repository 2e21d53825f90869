using System.Globalization;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using Values = System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode?>;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Course;

/// <summary>Turns a journey outcome into the card a learner sees, in their language.</summary>
public sealed class CourseCards(Learning.Catalog.Course course, CardRenderer renderer, UiContent content)
{
    public JsonObject Render(Learner learner, JourneyOutcome outcome) => outcome switch
    {
        JourneyOutcome.LessonStep step when step.Index >= course.FindModule(step.ModuleId)!.Steps.Count => LessonEnd(learner, step),
        JourneyOutcome.LessonStep step => Lesson(learner, step),
        JourneyOutcome.Question question => Question(learner, question),
        JourneyOutcome.Feedback feedback => Feedback(learner, feedback),
        JourneyOutcome.QuizResult result => Result(learner, result),
        JourneyOutcome.QuickCheckFeedback check => QuickCheck(learner, check),
        JourneyOutcome.Stale stale => Stale(learner, stale),
        _ => Map(learner),
    };

    public JsonObject Map(Learner learner)
    {
        var language = learner.Language;
        var progress = learner.Progress;
        var rows = new JsonArray();
        foreach (var module in course.Modules)
        {
            var state = progress.Module(module.Id);
            rows.Add(renderer.Render("parts/module-row", language, new Values
            {
                ["heading"] = content.Format(language, "map.heading", ("number", module.Number), ("title", Title(module, language)), ("minutes", module.EstimatedMinutes)),
                ["status"] = Status(module, state, language),
                ["openLabel"] = content.Format(language, (state.FurthestStep < 0 && state.OpenAttempt is null ? "map.open.new" : state.Passed || state.LessonCompleted ? "map.open.review" : "map.open.continue") + ".n", ("number", module.Number)),
                ["quizLabel"] = content.Format(language, "map.quiz.n", ("number", module.Number)),
                ["moduleId"] = module.Id,
                ["offerQuiz"] = !state.Passed && state.OpenAttempt is null,
            }));
        }

        if (course.FinalCase is { } finalCase)
        {
            var state = progress.Module(finalCase.Id);
            rows.Add(renderer.Render("parts/module-row", language, new Values
            {
                ["heading"] = content.Format(language, "map.case.heading", ("title", Title(finalCase, language)), ("minutes", finalCase.EstimatedMinutes)),
                ["status"] = Status(finalCase, state, language),
                ["openLabel"] = content.Text(language, "map.case.open"),
                ["quizLabel"] = content.Text(language, "map.case.quiz"),
                ["moduleId"] = finalCase.Id,
                ["offerQuiz"] = !state.Passed && state.OpenAttempt is null,
            }));
        }

        return renderer.Render("course-map", language, new Values
        {
            ["summary"] = content.Format(language, "map.summary", ("passed", course.Modules.Count(m => progress.Module(m.Id).Passed)), ("total", course.Modules.Count)),
            ["modules"] = rows,
            ["canContinue"] = Journey.Continue(course, progress).Outcome is not JourneyOutcome.CourseMap, // on a finished course it would open this map again
            ["completed"] = course.Modules.All(m => progress.Module(m.Id).Passed),
        });
    }

    private JsonObject Lesson(Learner learner, JourneyOutcome.LessonStep step)
    {
        var module = course.FindModule(step.ModuleId)!;
        var text = module.Texts[learner.Language].Steps[module.Steps[step.Index].Id];
        var check = module.Steps[step.Index].QuickCheckId is { } checkId ? module.FindQuestion(checkId) : null;
        return renderer.Render("lesson-step", learner.Language, new Values
        {
            ["hasCheck"] = check is not null,
            ["checkPrompt"] = check is null ? null : module.Texts[learner.Language].Questions[check.Id].Prompt,
            ["checkAnswers"] = check is null ? null : Answers(learner, module, check, "quick-check", "parts/check-answer", new Values { ["index"] = step.Index }),
            ["moduleLabel"] = ModuleLabel(module, learner.Language),
            ["title"] = text.Title,
            ["stepLabel"] = content.Format(learner.Language, "lesson.step", ("step", step.Index + 1), ("steps", module.Steps.Count)) + " · " + Overall(learner),
            ["body"] = text.Body,
            ["moduleId"] = module.Id,
            ["index"] = step.Index,
            ["previous"] = step.Index - 1,
            ["next"] = step.Index + 1,
            ["hasPrevious"] = step.Index > 0,
        });
    }

    private JsonObject LessonEnd(Learner learner, JourneyOutcome.LessonStep step)
    {
        var module = course.FindModule(step.ModuleId)!;
        return renderer.Render("lesson-end", learner.Language, new Values
        {
            ["moduleLabel"] = ModuleLabel(module, learner.Language),
            ["text"] = content.Format(learner.Language, "lesson.end.text", ("questions", module.IsCase ? module.Questions.Count : course.QuestionsPerAttempt), ("pass", PassPercent)),
            ["moduleId"] = module.Id,
            ["index"] = module.Steps.Count,
            ["previous"] = module.Steps.Count - 1,
        });
    }

    private JsonObject Question(Learner learner, JourneyOutcome.Question question)
    {
        var module = course.FindModule(question.ModuleId)!;
        var item = module.FindQuestion(question.QuestionId)!;
        var text = module.Texts[learner.Language].Questions[item.Id];
        var attempt = learner.Progress.Module(module.Id).Attempts.First(a => a.Number == question.Attempt);
        var answers = Answers(learner, module, item, question.Attempt.ToString(CultureInfo.InvariantCulture), "parts/answer", new Values { ["attempt"] = question.Attempt });
        return renderer.Render("question", learner.Language, new Values
        {
            ["moduleLabel"] = ModuleLabel(module, learner.Language) + " · " + Overall(learner),
            ["questionLabel"] = content.Format(learner.Language, "quiz.question", ("question", question.Index + 1), ("questions", attempt.QuestionIds.Count)),
            ["prompt"] = text.Prompt,
            ["answers"] = answers,
        });
    }

    /// <summary>
    /// The choices of a question as tappable answers (one tap checks it), in an order of their own per learner and
    /// occasion: the card shuffles, so the content never says "all of the above".
    /// </summary>
    private JsonArray Answers(Learner learner, Module module, Learning.Catalog.Question item, string occasion, string template, Values extra)
    {
        var text = module.Texts[learner.Language].Questions[item.Id];
        var random = new Random(QuestionDraw.Seed(learner.Key.ToString(), module.Id, occasion, item.Id));
        var answers = new JsonArray();
        foreach (var choice in item.Choices.OrderBy(_ => random.Next()))
        {
            var values = new Values(extra) { ["text"] = text.Choices[choice].Text, ["id"] = choice, ["moduleId"] = module.Id, ["questionId"] = item.Id };
            answers.Add(renderer.Render(template, learner.Language, values));
        }

        return answers;
    }

    private JsonObject QuickCheck(Learner learner, JourneyOutcome.QuickCheckFeedback check)
    {
        var language = learner.Language;
        var module = course.FindModule(check.ModuleId)!;
        var item = module.FindQuestion(check.QuestionId)!;
        var text = module.Texts[language].Questions[item.Id];
        return renderer.Render("quick-check", language, new Values
        {
            ["checkLabel"] = content.Format(language, "lesson.check.label", ("module", ModuleLabel(module, language))),
            ["verdict"] = content.Text(language, check.Correct ? "lesson.check.correct" : "lesson.check.wrong"),
            ["verdictColor"] = check.Correct ? "Good" : "Attention",
            ["prompt"] = text.Prompt,
            ["chosenText"] = text.Choices[check.ChoiceId].Text,
            ["chosenWhy"] = text.Choices[check.ChoiceId].Why,
            ["wrong"] = !check.Correct,
            ["correctText"] = text.Choices[item.Correct].Text,
            ["correctWhy"] = text.Choices[item.Correct].Why,
            ["moduleId"] = module.Id,
            ["index"] = check.StepIndex,
            ["questionId"] = item.Id, // "See the step again": a check without a choice shows this step again
            ["next"] = check.StepIndex + 1,
        });
    }

    private JsonObject Feedback(Learner learner, JourneyOutcome.Feedback feedback)
    {
        var language = learner.Language;
        var module = course.FindModule(feedback.ModuleId)!;
        var item = module.FindQuestion(feedback.QuestionId)!;
        var text = module.Texts[language].Questions[item.Id];
        var attempt = learner.Progress.Module(module.Id).Attempts.First(a => a.Number == feedback.Attempt);
        return renderer.Render("feedback", language, new Values
        {
            ["questionLabel"] = content.Format(language, "quiz.question", ("question", feedback.Index + 1), ("questions", attempt.QuestionIds.Count)),
            ["verdict"] = Verdict(language, feedback),
            ["verdictColor"] = feedback.Correct ? "Good" : "Attention",
            ["replayed"] = feedback.Replayed,
            ["prompt"] = text.Prompt,
            ["chosenText"] = text.Choices[feedback.ChoiceId].Text,
            ["chosenWhy"] = text.Choices[feedback.ChoiceId].Why,
            ["wrong"] = !feedback.Correct,
            ["correctText"] = text.Choices[item.Correct].Text,
            ["correctWhy"] = text.Choices[item.Correct].Why,
            ["nextLabel"] = content.Text(language, feedback.IsLast ? "feedback.result" : "feedback.next"),
            ["moduleId"] = module.Id,
            ["attempt"] = feedback.Attempt,
        });
    }

    /// <summary>
    /// "✅ Correct", or for a tap on a question already answered "Already answered: ✅ Correct": the verdict is the
    /// counted first answer's, which may not be the choice just tapped.
    /// </summary>
    private string Verdict(string language, JourneyOutcome.Feedback feedback)
    {
        var verdict = content.Text(language, feedback.Correct ? "feedback.correct" : "feedback.wrong");
        return feedback.Replayed ? content.Format(language, "feedback.replayedVerdict", ("verdict", verdict)) : verdict;
    }

    private JsonObject Result(Learner learner, JourneyOutcome.QuizResult result)
    {
        var language = learner.Language;
        var module = course.FindModule(result.ModuleId)!;
        var steps = module.Texts[language].Steps;
        var next = result.Passed ? Journey.NextToLearn(course, learner.Progress, module.Id) : null;
        var review = new JsonArray();
        foreach (var stepId in result.ReviewStepIds)
        {
            review.Add(renderer.Render("parts/review-step", language, new Values { ["title"] = steps[stepId].Title, ["moduleId"] = module.Id, ["index"] = module.StepIndex(stepId) }));
        }

        var finishedAt = learner.Progress.Module(module.Id).Attempts.FirstOrDefault(a => a.Number == result.Attempt)?.FinishedAt;
        return renderer.Render("quiz-result", language, new Values
        {
            ["title"] = content.Format(language, "result.title", ("module", Title(module, language))),
            ["score"] = content.Format(language, "result.score", ("correct", result.Correct), ("total", result.Total), ("percent", Percent(result.Correct, result.Total))),
            ["verdict"] = content.Format(language, result.Passed ? "result.passed" : "result.failed", ("pass", PassPercent)),
            ["when"] = finishedAt is { } at ? content.Format(language, "result.when", ("date", LocalDates.Format(at, language))) : null,
            ["review"] = review,
            ["completed"] = result.CourseCompleted,
            ["caseDone"] = module.IsCase && result.Passed && Journey.IsCompleted(course, learner.Progress), // the last thing to do: the badge, not only the map
            ["failed"] = !result.Passed,
            ["moduleId"] = module.Id,
            ["nextModuleId"] = next?.Id,
            ["nextLabel"] = content.Text(language, next is { IsCase: true } ? "map.case.open" : "result.next"), // the optional case is not a seventh module
            ["nextText"] = next is null ? null : content.Format(language, "result.nextText", ("module", Title(next, language))),
        });
    }

    private JsonObject Stale(Learner learner, JourneyOutcome.Stale stale) => renderer.Render("stale", learner.Language, new Values
    {
        ["where"] = stale.Current is { } current ? content.Format(learner.Language, "stale.position", ("where", Describe(learner, current))) : null,
    });

    public string Describe(Learner learner, Position position)
    {
        if (course.FindModule(position.ModuleId) is not { } module)
        {
            return string.Empty;
        }

        var label = ModuleLabel(module, learner.Language);
        if (position.Kind == PositionKind.Lesson)
        {
            return position.Index < module.Steps.Count
                ? $"{label} · {content.Format(learner.Language, "lesson.step", ("step", position.Index + 1), ("steps", module.Steps.Count))}"
                : $"{label} · {content.Text(learner.Language, "lesson.end.title")}";
        }

        var state = learner.Progress.Module(module.Id);
        var attempt = state.Attempts.LastOrDefault();
        if (attempt is null)
        {
            return label;
        }

        // A finished quiz is described by its outcome ("✅ Passed with 100 %"), not as its last question.
        return attempt.FinishedAt is null
            ? $"{label} · {content.Format(learner.Language, "quiz.question", ("question", Math.Min(position.Index + 1, attempt.QuestionIds.Count)), ("questions", attempt.QuestionIds.Count))}"
            : $"{label} · {Status(module, state, learner.Language).TrimEnd('.')}";
    }

    private string Status(Module module, ModuleProgress state, string language)
    {
        if (state.Passed)
        {
            return content.Format(language, "map.status.passed", ("score", Percent(state.BestScore ?? 0)));
        }

        if (state.OpenAttempt is { } open)
        {
            return content.Format(language, "map.status.quizOpen", ("question", open.NextQuestionIndex + 1), ("questions", open.QuestionIds.Count));
        }

        if (state.BestScore is { } best)
        {
            return content.Format(language, "map.status.failed", ("score", Percent(best)));
        }

        if (state.LessonCompleted)
        {
            return content.Text(language, "map.status.lessonDone");
        }

        return state.FurthestStep < 0
            ? content.Text(language, "map.status.new")
            : content.Format(language, "map.status.lesson", ("step", state.FurthestStep + 1), ("steps", module.Steps.Count));
    }

    /// <summary>"Course: 8 % done": each module (the final case not counted) weighs the same, by its <see cref="CourseShare"/>,
    /// so the figure moves with the steps read and reaches 100 % only when every quiz is passed.</summary>
    private string Overall(Learner learner)
    {
        var done = 100m * course.Modules.Sum(m => CourseShare.Of(m, learner.Progress.Module(m.Id))) / Math.Max(1, course.Modules.Count);
        var percent = done is > 0m and < 1m ? 1 : (int)Math.Floor(done); // started is never "0 %"
        return content.Format(learner.Language, "progress.overall", ("percent", percent));
    }

    private string ModuleLabel(Module module, string language) => module.IsCase
        ? content.Format(language, "case.label", ("title", Title(module, language)))
        : content.Format(language, "module.label", ("number", module.Number), ("total", course.Modules.Count), ("title", Title(module, language)));

    private static string Title(Module module, string language) => module.Texts[language].Title;

    private int PassPercent => (int)Math.Round(course.PassMark * 100, MidpointRounding.AwayFromZero);

    private static int Percent(int correct, int total) => total == 0 ? 0 : (int)Math.Round(100m * correct / total, MidpointRounding.AwayFromZero);

    private static int Percent(decimal score) => (int)Math.Round(score * 100, MidpointRounding.AwayFromZero);
}
