using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Talk;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Help;

/// <summary>
/// A lesson step that teaches a subject: its module, its index in that module's lesson, whether its title names the
/// subject, and a sentence of the step's text that names it (the lesson's own words, <see cref="LessonSentences"/>): the
/// first with a phrase in bold, which is what the step teaches, else the first that opens with the subject's name ("MyPension,
/// her pension file online, shows…"); none when the step only mentions it in passing ("Fraudsters pretend to be the bank,
/// Card Stop…").
/// </summary>
public sealed record SubjectStep(Module Module, int StepIndex, bool InTitle, string? Excerpt = null);

/// <summary>
/// Where the course teaches a subject a learner names ("what is itsme?", "wat is een volmacht?"): for each subject of
/// <c>dialogs-content/faq/subjects.yaml</c> and each language, the first lesson step in course order whose title names
/// it in that language, else the most-naming step of the module whose text names it most often. The bot answers such a question by pointing to that step, whose text and
/// sources are the lesson's: it makes no claim of its own. Built at start-up: an unreadable file stops the host; a subject
/// that no step of the loaded course names (a course not published yet, a test course) is left out and listed in
/// <see cref="Unplaced"/> (the shipped course places every subject in every language: <c>SubjectIndexTests</c>).
/// </summary>
public sealed class SubjectIndex
{
    private readonly IReadOnlyList<TalkTopic> _subjects;
    private readonly Dictionary<(string Subject, string Language), SubjectStep> _steps;

    private SubjectIndex(IReadOnlyList<TalkTopic> subjects, Dictionary<(string Subject, string Language), SubjectStep> steps, IReadOnlyList<(string Subject, string Language)> unplaced)
    {
        _subjects = subjects;
        _steps = steps;
        Unplaced = unplaced;
    }

    /// <summary>How many subjects have a step in at least one language.</summary>
    public int Placed => _steps.Keys.Select(k => k.Subject).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The subjects no lesson step names, by language.</summary>
    public IReadOnlyList<(string Subject, string Language)> Unplaced { get; }

    /// <summary>The step that teaches the first subject the message names, in the language given; null when it names none.</summary>
    public SubjectStep? Find(string? text, string language)
    {
        var words = TalkText.Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        // Of the subjects the message names, the first whose step's title names it ("procuration pour MyMinfin": the
        // mandate's step, not a step that mentions MyMinfin in passing), else the first.
        SubjectStep? mentioned = null;
        foreach (var subject in _subjects)
        {
            if (Mentions(words, subject) > 0 && _steps.TryGetValue((subject.Id, language), out var step))
            {
                if (step.InTitle)
                {
                    return step;
                }

                mentioned ??= step;
            }
        }

        return mentioned;
    }

    /// <summary>Reads <c>faq/subjects.yaml</c> (every problem of the file at once) and finds each subject's step.</summary>
    public static SubjectIndex Load(string contentRoot, Learning.Catalog.Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var problems = new List<string>();
        var subjects = TalkLibraryLoader.Subjects(contentRoot, problems);
        if (problems.Count > 0)
        {
            throw new ContentValidationException(problems);
        }

        var steps = new Dictionary<(string, string), SubjectStep>();
        var unplaced = new List<(string, string)>();
        foreach (var subject in subjects)
        {
            foreach (var language in Languages.All)
            {
                if ((NamedStep(subject, course, language) ?? StepNaming(subject, course, language, s => s.Title, inTitle: true) ?? StepNaming(subject, course, language, s => s.Body, inTitle: false)) is { } step)
                {
                    var body = step.Module.Texts[language].Steps[step.Module.Steps[step.StepIndex].Id].Body;
                    steps[(subject.Id, language)] = step with { Excerpt = Quote(body, subject) };
                }
                else
                {
                    unplaced.Add((subject.Id, language));
                }
            }
        }

        return new SubjectIndex(subjects, steps, unplaced);
    }

    /// <summary>The step the subject names itself ("step: [safety/after-scam]"), if the course has it in that language; it wins like a title would.</summary>
    private static SubjectStep? NamedStep(TalkTopic subject, Learning.Catalog.Course course, string language) =>
        subject.Step?.Split('/') is [var moduleId, var stepId] && course.FindModule(moduleId) is { } module && module.Texts.ContainsKey(language)
            && module.Steps.ToList().FindIndex(s => s.Id == stepId) is var index and >= 0
            ? new SubjectStep(module, index, InTitle: true)
            : null;

    /// <summary>
    /// By titles (<paramref name="inTitle"/>): the first step in course order whose title names the subject. By text: the
    /// module whose steps name it most often, and in it the step that names it most (the earliest on a tie), so that a
    /// passing mention elsewhere ("afraid of scams" in module 1) does not win over the module that teaches it.
    /// </summary>
    private static SubjectStep? StepNaming(TalkTopic subject, Learning.Catalog.Course course, string language, Func<StepText, string> text, bool inTitle)
    {
        (SubjectStep? Step, int InModule) best = (null, 0);
        foreach (var module in course.Modules)
        {
            if (!module.Texts.TryGetValue(language, out var texts))
            {
                continue;
            }

            var counts = module.Steps.Select(s => texts.Steps.TryGetValue(s.Id, out var step) ? Mentions(TalkText.Words(text(step)), subject) : 0).ToList();
            var inModule = counts.Sum();
            if (inTitle && inModule > 0)
            {
                return new SubjectStep(module, counts.FindIndex(c => c > 0), InTitle: true);
            }

            if (inModule > best.InModule)
            {
                best = (new SubjectStep(module, counts.IndexOf(counts.Max()), InTitle: false), inModule);
            }
        }

        return best.Step;
    }

    /// <summary>
    /// The step's sentence about the subject, one that can answer "what is …?" alone: of its sentences that can stand alone
    /// (<see cref="LessonSentences"/>), those of which the subject is what the sentence is about (its name among the first
    /// three words: "**itsme** is an identity app…", "The **eBox is** a secure mailbox…"), once a short lead-in that
    /// answered the sentence before is cut ("Nothing is wrong: **CSAM** is…" → "**CSAM** is…"); the first with a phrase in
    /// bold, which is what the step teaches, else the first. None when the subject is not what any sentence is about
    /// ("The proper route is a mandate…", "Fraudsters pretend to be … Card Stop").
    /// </summary>
    private static string? Quote(string body, TalkTopic subject)
    {
        var about = LessonSentences.Of(body).Select(sentence => WithoutLeadIn(sentence, subject)).Where(sentence => IsAbout(sentence, subject)).ToList();
        return about.FirstOrDefault(s => s.Contains("**", StringComparison.Ordinal)) ?? about.FirstOrDefault();
    }

    private static bool IsAbout(string sentence, TalkTopic subject)
    {
        var words = TalkText.Words(sentence);
        return Enumerable.Range(0, Math.Min(3, words.Count)).Any(start => subject.Phrases.Any(phrase => phrase.StandsAt(words, start)));
    }

    /// <summary>
    /// "Niets aan de hand: de **eBox** is…" → "De **eBox** is…": a lead-in that does not name the subject, of at most six
    /// words before ": ", or two before ", " ("En réalité, l'**eBox**…"; a longer one is the start of a list: "Betrüger geben
    /// sich als Bank, Card Stop, Polizei… aus"). One that opens with a definite article is what the sentence is about ("La bonne voie : un
    /// mandat…"), not a lead-in, and stays.
    /// </summary>
    private static string WithoutLeadIn(string sentence, TalkTopic subject)
    {
        foreach (var (separator, maxWords) in new[] { (": ", 6), (", ", 2) })
        {
            var at = sentence.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && !sentence[..at].Contains("**", StringComparison.Ordinal) && TalkText.Words(sentence[..at]) is { } lead && lead.Count <= maxWords
                && Mentions(lead, subject) == 0 && !DefiniteArticles.Contains(lead[0]))
            {
                var rest = sentence[(at + separator.Length)..];
                var first = rest.StartsWith("**", StringComparison.Ordinal) ? 2 : 0;
                return rest.Length > first ? rest[..first] + char.ToUpperInvariant(rest[first]) + rest[(first + 1)..] : rest;
            }
        }

        return sentence;
    }

    private static readonly HashSet<string> DefiniteArticles = new(["the", "la", "le", "les", "l", "de", "het", "der", "die", "das"], StringComparer.Ordinal);

    /// <summary>How often the subject's names stand in the words, each name's words next to each other and in order ("e-mail with my ID" names no "e id").</summary>
    private static int Mentions(IReadOnlyList<string> words, TalkTopic subject) =>
        Enumerable.Range(0, words.Count).Count(start => subject.Phrases.Any(phrase => phrase.StandsAt(words, start)));
}
