using System.Text.Json.Nodes;
using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Help;

/// <summary>
/// "help" and the help button (the learner help fitted to where the learner is; in a channel, the managers' commands),
/// greetings, and everything typed that is no command: small talk gets one line, a question of the FAQ its answer, and
/// the rest one line with a compact Help button (in a channel, one line pointing to the channel help). Each turn reads
/// the learner at most once; in a channel, the sender's record, for their language (<see cref="SenderLanguage"/>).
/// </summary>
internal sealed class HelpFlow(LearnerSessions learners, SenderLanguage senders, CardReplies replies, HelpTexts texts, TalkLibrary talk, SubjectIndex subjects, Learning.Catalog.Course course, ILogger<HelpFlow> logger)
{
    private const int MaxEchoedLength = 60;

    public async Task ShowHelpAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken)
    {
        if (TeamsActivity.KindOf(turn.Activity) == ConversationKind.Channel)
        {
            await replies.AnswerAsync(turn, fromCard, "channel-help", await senders.OfSenderAsync(turn.Activity, cancellationToken), cancellationToken);
            return;
        }

        // From a card, below it: the card may hold an answer (a subject's pointer and the lesson's sentence) that the help
        // must not wipe out.
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        await replies.OpenBelowAsync(turn, "help", LearnerSessions.LanguageFor(learner, turn.Activity), cancellationToken, Position(learner));
    }

    /// <summary>
    /// "hello", "bonjour", "hallo"…: a greeting line, or the answer when a question follows ("hi, how long does it
    /// take?"). A learner whose first contact this is (no installation came before) gets the welcome card instead: it
    /// introduces the course, offers the languages and says what the bot keeps.
    /// </summary>
    public async Task GreetAsync(TurnContext turn, TextCommand command, CancellationToken cancellationToken)
    {
        var (learner, firstContact) = await learners.EnsureNotingFirstContactAsync(turn.Activity, cancellationToken);
        var language = await LanguageAsync(turn, learner, cancellationToken);
        var question = string.IsNullOrWhiteSpace(command.Arguments) ? null : talk.Questions.Match(command.Arguments);
        if (firstContact && question is null)
        {
            Log.FreeTextAnswered(logger, "welcome");
            await replies.SendAsync(turn, "welcome", language, cancellationToken);
            return;
        }

        await SayAsync(turn, question is null ? Talk(learner, language, "greeting") : texts.Text(language, "faq." + question), question ?? "greeting", cancellationToken);
    }

    public async Task UnrecognizedTextAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = await LanguageAsync(turn, learner, cancellationToken);
        if (talk.SmallTalk.Match(text) is { } kind)
        {
            await SayAsync(turn, Talk(learner, language, kind), kind, cancellationToken);
            return;
        }

        // A message that names a subject of the course is about that subject ("wie lange dauert itsme?" is not the FAQ's
        // "how long does the course take"): its lesson step first, in a personal chat; then the FAQ.
        var personal = TeamsActivity.KindOf(turn.Activity) == ConversationKind.Personal;
        if (personal && subjects.Find(text, language) is { } subject)
        {
            await PointToStepAsync(turn, learner, language, subject, cancellationToken);
            return;
        }

        if (talk.Questions.Match(text) is { } question)
        {
            var answer = texts.Text(language, "faq." + question);
            if (question == "duration" && personal && MinutesLeft(learner) is { } left)
            {
                answer += " " + replies.Format(language, "faq.duration.left", ("minutes", left)); // "how much longer?" has an answer of its own
            }

            await SayAsync(turn, answer, question, cancellationToken);
            return;
        }

        var words = Learning.Talk.TalkText.Words(text);
        if (!personal)
        {
            // In a channel or group chat, no learner card (its Start leads nowhere here): a bare mention gets the channel
            // help, anything else one line pointing to it.
            if (words.Count == 0)
            {
                await replies.SendAsync(turn, "channel-help", language, cancellationToken);
                return;
            }

            await SayAsync(turn, Echoing(language, "prompt.channel", text), "unknown", cancellationToken);
            return;
        }

        Log.FreeTextAnswered(logger, "unknown");
        var line = words.Count == 0
            ? texts.Text(language, "prompt.empty")
            : Echoing(language, "prompt.unknown", text);
        var values = Position(learner);
        values["text"] = line;
        await replies.SendAsync(turn, "prompt", language, cancellationToken, values);
    }

    /// <summary>
    /// A question about a subject the course teaches ("what is itsme?"): which module and step teach it, with a button that
    /// opens that step below (the lesson's own text and sources answer it), and the usual way on.
    /// </summary>
    private async Task PointToStepAsync(TurnContext turn, Learner? learner, string language, SubjectStep subject, CancellationToken cancellationToken)
    {
        Log.FreeTextAnswered(logger, "subject");
        var module = subject.Module;
        var texts = module.Texts[language]; // placed in this language: the index found the step's text there
        var values = Position(learner);
        var title = texts.Steps[module.Steps[subject.StepIndex].Id].Title;
        values["text"] = QuotedEnding.Tidy(replies.Format(language, "subject.pointer", ("number", module.Number), ("module", InnerQuotes.Of(language, texts.Title)), ("step", subject.StepIndex + 1), ("title", InnerQuotes.Of(language, title))));
        if (subject.Excerpt is { } excerpt)
        {
            values["excerpt"] = replies.Format(language, "subject.excerpt", ("sentence", InnerQuotes.Of(language, excerpt)));
        }

        values["subjectModule"] = module.Id;
        values["subjectStep"] = subject.StepIndex;
        if (values["offerStart"] is not null)
        {
            // A newcomer starts with the module they asked about ("Start module 3"), not with module 1 under a pointer to module 3.
            values["offerStart"] = null;
            values["startModule"] = module.Id;
            values["startLabel"] = replies.Format(language, "map.open.new.n", ("number", module.Number));
        }

        await replies.SendAsync(turn, "prompt", language, cancellationToken, values);
    }

    /// <summary>A button the bot no longer knows (an old card, or a forged one): say so and offer help.</summary>
    public async Task StaleCardAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var learner = await learners.EnsureAsync(turn.Activity, cancellationToken);
        var language = await LanguageAsync(turn, learner, cancellationToken);
        await replies.AnswerAsync(turn, fromCard: true, "notice", language, cancellationToken, new Dictionary<string, JsonNode?>
        {
            ["text"] = replies.Text(language, "stale.text"),
            ["offerHelp"] = true,
        });
    }

    /// <summary>
    /// About how many minutes of the course a learner who started has left, rounded up to 5: each module's estimate for the
    /// part of it not done (<see cref="Learning.Progress.CourseShare"/>); null before the start and once every module is passed.
    /// </summary>
    private int? MinutesLeft(Learner? learner)
    {
        if (learner?.Progress.Current is null || course.Modules.All(m => learner.Progress.Module(m.Id).Passed))
        {
            return null;
        }

        var left = course.Modules.Sum(m => m.EstimatedMinutes * (1m - Learning.Progress.CourseShare.Of(m, learner.Progress.Module(m.Id))));
        return Math.Max(5, (int)Math.Ceiling(left / 5) * 5);
    }

    /// <summary>A "didn't understand" text quoting what was typed (shortened).</summary>
    private string Echoing(string language, string key, string typed) =>
        texts.Text(language, key).Replace("${input}", HelpTexts.Echo(typed, MaxEchoedLength), StringComparison.Ordinal);

    /// <summary>The learner's language in a personal chat; elsewhere the sender's stored one (channel clicks often say en-US).</summary>
    private async Task<string> LanguageAsync(TurnContext turn, Learner? learner, CancellationToken cancellationToken) =>
        learner is not null ? learner.Language : await senders.OfSenderAsync(turn.Activity, cancellationToken);

    /// <summary>What the learner's next step is: Start for a newcomer (or outside a personal chat), Continue once they have a place in the course.</summary>
    private static Dictionary<string, JsonNode?> Position(Learner? learner)
    {
        var started = learner?.Progress.Current is not null;
        return new Dictionary<string, JsonNode?>
        {
            ["offerStart"] = started ? null : true,
            ["offerContinue"] = started ? true : null,
        };
    }

    /// <summary>
    /// One line of small talk; a greeting, an acknowledgement or "I don't understand" in personal chat also says what to do
    /// next. A goodbye from somebody who has not started says no "your progress is saved".
    /// </summary>
    private string Talk(Learner? learner, string language, string kind)
    {
        if (kind == "farewell" && learner?.Progress.Current is null)
        {
            return texts.Text(language, "talk.farewell.new");
        }

        var line = texts.Text(language, "talk." + kind);
        if (learner is null || kind is not ("greeting" or "ack" or "confused"))
        {
            return line;
        }

        return line + " " + texts.Text(language, learner.Progress.Current is null ? "talk.next.start" : "talk.next.continue");
    }

    private async Task SayAsync(TurnContext turn, string text, string answer, CancellationToken cancellationToken)
    {
        Log.FreeTextAnswered(logger, answer);
        await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, cancellationToken);
    }
}
