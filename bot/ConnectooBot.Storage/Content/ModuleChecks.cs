using static ConnectooBot.Storage.Content.ContentLimits;

namespace ConnectooBot.Storage.Content;

/// <summary>The checks of one module: its structure (module.yaml), then each language file against it.</summary>
internal static class ModuleChecks
{
    private static readonly string[] Kinds = ["knowledge", "scenario"];

    public static void CheckStructure(string folder, string moduleId, ModuleFile module, int perAttempt, List<string> problems)
    {
        var at = $"{folder}/module.yaml";
        if (module.Id != moduleId)
        {
            problems.Add($"{at}: 'id' is '{module.Id}', expected '{moduleId}' (the folder name).");
        }

        if (module.EstimatedMinutes <= 0)
        {
            problems.Add($"{at}: 'estimatedMinutes' must be positive.");
        }

        var steps = module.Steps ?? [];
        var questions = module.Quiz ?? [];
        var isCase = module.Kind == "case";
        if (module.Kind is not (null or "case"))
        {
            problems.Add($"{at}: 'kind' is '{module.Kind}'; leave it out for a module, or write 'case' for the final case.");
        }

        var (minSteps, maxSteps) = isCase ? (MinCaseSteps, MaxCaseSteps) : (MinSteps, MaxSteps);
        if (steps.Count < minSteps || steps.Count > maxSteps)
        {
            problems.Add($"{at}: {steps.Count} steps; a {(isCase ? "case" : "module")} has {minSteps} to {maxSteps}.");
        }

        var minimum = isCase ? MinCaseQuestions : Math.Max(MinQuestions, perAttempt);
        if (questions.Count < minimum)
        {
            problems.Add($"{at}: {questions.Count} questions; the bank needs at least {minimum}.");
        }

        CheckIds(at, "step", steps.Select(s => s.Id), problems);
        CheckIds(at, "question", questions.Select(q => q.Id), problems);
        foreach (var step in steps)
        {
            CheckSources($"{at}: step '{step.Id}'", step.Sources ?? [], required: false, problems);
        }

        if (!isCase)
        {
            CheckQuickChecks(at, steps, questions, problems);
        }

        var stepIds = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            CheckQuestion(at, question, stepIds, problems);
        }

        var checkedSteps = questions.SelectMany(q => q.Checks ?? []).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(steps.Where(s => s.Id is not null && !checkedSteps.Contains(s.Id))
            .Select(s => $"{at}: step '{s.Id}' is not checked by any question."));
    }

    public static void CheckTexts(string at, ModuleFile module, ModuleTextFile text, List<string> problems)
    {
        CheckLength(at, "title", text.Title, MaxTitleCharacters, problems);
        CheckLength(at, "summary", text.Summary, MaxSummaryCharacters, problems);
        var steps = text.Steps ?? [];
        SameIds(at, "steps", (module.Steps ?? []).Select(s => s.Id!), steps.Keys, problems);
        foreach (var (id, step) in steps)
        {
            CheckLength(at, $"step '{id}' title", step.Title, MaxTitleCharacters, problems);
            CheckWords(at, $"step '{id}' body", step.Body, MaxStepWords, problems);
            if (step.Body is { } body && BoldSpans(body) > MaxBoldSpans)
            {
                problems.Add($"{at}: step '{id}' body has {BoldSpans(body)} bold spans; at most {MaxBoldSpans}.");
            }
        }

        var words = steps.Values.Select(s => Words(s.Body ?? string.Empty)).Order().ToList();
        if (words.Count > 0 && Median(words) > MaxMedianStepWords)
        {
            problems.Add($"{at}: the median step has {Median(words)} words; at most {MaxMedianStepWords} (micro steps).");
        }

        var quiz = text.Quiz ?? [];
        SameIds(at, "quiz", (module.Quiz ?? []).Select(q => q.Id!), quiz.Keys, problems);
        foreach (var question in module.Quiz ?? [])
        {
            if (question.Id is null || !quiz.TryGetValue(question.Id, out var questionText))
            {
                continue;
            }

            CheckWords(at, $"question '{question.Id}' prompt", questionText.Prompt, MaxPromptWords, problems);
            var choices = questionText.Choices ?? [];
            SameIds(at, $"question '{question.Id}' choices", question.Choices ?? [], choices.Keys, problems);
            foreach (var (choiceId, choice) in choices)
            {
                CheckWords(at, $"question '{question.Id}' choice '{choiceId}' text", choice.Text, MaxChoiceWords, problems);
                CheckWords(at, $"question '{question.Id}' choice '{choiceId}' why", choice.Why, MaxWhyWords, problems);
            }

            CheckChoiceLengths(at, question, choices, problems);
        }
    }

    /// <summary>The correct choice does not stand out by its length: at least two distractors are within ±20 % of it.</summary>
    private static void CheckChoiceLengths(string at, QuestionFile question, Dictionary<string, ChoiceTextFile> choices, List<string> problems)
    {
        if (question.Correct is null || !choices.TryGetValue(question.Correct, out var correct) || correct.Text is null)
        {
            return;
        }

        var length = correct.Text.Trim().Length;
        var close = choices.Count(c => c.Key != question.Correct && c.Value.Text is { } text
            && Math.Abs(text.Trim().Length - length) <= ChoiceLengthTolerance * length);
        if (close < Math.Min(2, choices.Count - 1))
        {
            problems.Add($"{at}: question '{question.Id}': only {close} wrong choice(s) within ±20 % of the right one's length ({length} characters); at least 2, so length gives nothing away.");
        }
    }

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;

    private static void CheckQuestion(string at, QuestionFile question, HashSet<string?> stepIds, List<string> problems)
    {
        var where = $"{at}: question '{question.Id}'";
        if (question.Kind is null || !Kinds.Contains(question.Kind))
        {
            problems.Add($"{where}: 'kind' must be knowledge or scenario.");
        }

        var choices = question.Choices ?? [];
        if (choices.Count is < 3 or > 4)
        {
            problems.Add($"{where}: {choices.Count} choices; a question has 3 or 4.");
        }

        CheckIds(where, "choice", choices, problems);
        if (question.Correct is null || !choices.Contains(question.Correct))
        {
            problems.Add($"{where}: 'correct' must be exactly one of its choices.");
        }

        if (question.Checks is not { Count: > 0 })
        {
            problems.Add($"{where}: 'checks' names no lesson step.");
        }

        problems.AddRange((question.Checks ?? []).Where(c => !stepIds.Contains(c)).Select(c => $"{where}: checks '{c}', which is not a step of this module."));
        CheckSources(where, question.Sources ?? [], required: true, problems);
    }

    /// <summary>An in-lesson quick check every 2–3 steps: a bank question about what was taught so far.</summary>
    private static void CheckQuickChecks(string at, List<StepFile> steps, List<QuestionFile> questions, List<string> problems)
    {
        var previous = 0;
        for (var position = 1; position <= steps.Count + 1; position++)
        {
            var step = position <= steps.Count ? steps[position - 1] : null;
            if (step is not null && step.QuickCheck is null)
            {
                continue;
            }

            if (position - previous - 1 > MaxStepsWithoutQuickCheck)
            {
                problems.Add($"{at}: {position - previous - 1} steps in a row without a quick check before {(step is null ? "the quiz" : $"step '{step.Id}'")}; one every 2–3 steps.");
            }

            previous = position;
            if (step?.QuickCheck is not { } id)
            {
                continue;
            }

            if (questions.FirstOrDefault(q => q.Id == id) is not { } question)
            {
                problems.Add($"{at}: step '{step.Id}' quick check '{id}' is not a question of the bank.");
                continue;
            }

            var taught = steps.Take(position).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            problems.AddRange((question.Checks ?? []).Where(c => !taught.Contains(c))
                .Select(c => $"{at}: step '{step.Id}' quick check '{id}' tests step '{c}', which comes later."));
        }
    }

    private static void CheckIds(string at, string what, IEnumerable<string?> ids, List<string> problems)
    {
        var list = ids.ToList();
        problems.AddRange(list.Where(id => !CourseLoader.IsId(id)).Select(id => $"{at}: {what} id '{id}' is not kebab-case."));
        problems.AddRange(list.Where(id => id is not null).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{at}: {what} id '{g.Key}' is used twice."));
    }

    private static void CheckSources(string where, List<SourceFile> sources, bool required, List<string> problems)
    {
        if (required && sources.Count == 0)
        {
            problems.Add($"{where}: no source.");
        }

        foreach (var source in sources)
        {
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{where}: source url '{source.Url}' is not an absolute http(s) address.");
            }

            if (string.IsNullOrWhiteSpace(source.Supports))
            {
                problems.Add($"{where}: source '{source.Url}' does not say what it supports.");
            }

            if (!DateOnly.TryParseExact(source.Checked, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                problems.Add($"{where}: source '{source.Url}' has no 'checked: YYYY-MM-DD' (the day it was last read).");
            }
        }

        if (sources.Count > 0 && !IsOfficialSource(sources[0].Url))
        {
            problems.Add($"{where}: the first source '{sources[0].Url}' is not an official (government) page; list the official page first.");
        }
    }

    private static void SameIds(string at, string what, IEnumerable<string> expected, IEnumerable<string> actual, List<string> problems)
    {
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(expectedSet.Except(actualSet).Select(id => $"{at}: {what}: '{id}' has no text."));
        problems.AddRange(actualSet.Except(expectedSet).Select(id => $"{at}: {what}: '{id}' is not in module.yaml."));
    }

    private static void CheckLength(string at, string what, string? text, int max, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{at}: {what} is empty.");
        }
        else if (text.Trim().Length > max)
        {
            problems.Add($"{at}: {what} has {text.Trim().Length} characters; at most {max}.");
        }
    }

    private static void CheckWords(string at, string what, string? text, int max, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{at}: {what} is empty.");
        }
        else if (Words(text) > max)
        {
            problems.Add($"{at}: {what} has {Words(text)} words; at most {max}.");
        }
    }
}
