using System.Globalization;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Course;

/// <summary>
/// The learner journey in personal chat: course map, lessons, quizzes, results. Each turn reads the learner once,
/// applies one pure <see cref="Journey"/> rule, writes once if progress changed (or, unchanged, to take the activity's
/// claim before a card goes through the connector), and answers with one card (in place
/// of the clicked card when a button was pressed); a learner who completed the course and has no badge yet gets it
/// (<see cref="ICourseCompletionListener"/>). A turn that changed progress tells the <see cref="ICourseProgressListener"/>s
/// (in memory only). Outside personal chat it explains where the course happens.
/// </summary>
internal sealed class JourneyFlow(
    Learning.Catalog.Course course,
    LearnerSessions learners,
    CourseCards cards,
    CardReplies replies,
    TeamIntroReply teamIntro,
    UiContent content,
    IEnumerable<ICourseCompletionListener> completionListeners,
    IEnumerable<ICourseProgressListener> progressListeners,
    TimeProvider time) : ICourseMap
{
    public Task ShowMapAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken) =>
        RunAsync(turn, fromCard, (_, progress) => new JourneyStep(progress, new JourneyOutcome.CourseMap()), cancellationToken, NewMessage);

    public Task ContinueAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken) =>
        RunAsync(turn, fromCard, (_, progress) => Journey.Continue(course, progress), cancellationToken, NewMessage);

    /// <summary>"start" / the welcome's Start: the first module for a newcomer, otherwise where they stopped. The welcome stays.</summary>
    public Task StartAsync(TurnContext turn, bool fromCard, CancellationToken cancellationToken) =>
        RunAsync(turn, fromCard, (_, progress) => Journey.Start(course, progress), cancellationToken, NewMessage);

    /// <summary>A step to review, from a failed quiz's result: opened in a new message, so the result and its list stay.</summary>
    public Task OpenStepAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (_, progress) => CardData.Text(input.Data, "m") is { } module && CardData.Number(input.Data, "s") is { } step
            ? Journey.OpenStep(course, progress, module, step)
            : Stale(progress), cancellationToken, NewMessage);

    /// <summary>A step to read only, from the pointer to the step that teaches a subject: opened below, nothing moves.</summary>
    public Task ViewStepAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (_, progress) => CardData.Text(input.Data, "m") is { } module && CardData.Number(input.Data, "s") is { } step
            ? Journey.ViewStep(course, progress, module, step)
            : Stale(progress), cancellationToken, NewMessage);

    public Task OpenModuleAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (_, progress) => CardData.Text(input.Data, "m") is { } module
            ? Journey.OpenModule(course, progress, module)
            : Stale(progress), cancellationToken, NewMessage);

    public Task GoToStepAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (_, progress) => CardData.Text(input.Data, "m") is { } module && CardData.Number(input.Data, "from") is { } from && CardData.Number(input.Data, "to") is { } to
            ? Journey.GoToStep(course, progress, module, from, to)
            : Stale(progress), cancellationToken);

    /// <summary>
    /// "Check my answer" under a lesson step's quick check: explained, not scored, nothing written. Without a choice (a
    /// submit with none, or "See the step again" under the explanation): that step again, in place, to read; nothing moves.
    /// </summary>
    public Task CheckAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (_, progress) => CardData.Text(input.Data, "m") is { } module && CardData.Number(input.Data, "s") is { } step && CardData.Text(input.Data, "q") is { } question
            ? CardData.Text(input.Data, "qc") is { } choice
                ? Journey.QuickCheck(course, progress, module, step, question, choice)
                : Journey.ViewStep(course, progress, module, step)
            : Stale(progress), cancellationToken);

    /// <summary>The quiz: in place on the module's own card (lesson end, retry), in a new message from the map.</summary>
    public Task StartQuizAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (learner, progress) => CardData.Text(input.Data, "m") is { } module
            ? Journey.StartQuiz(course, progress, module, time.GetUtcNow(), Seed(learner, module, progress))
            : Stale(progress), cancellationToken, before => before.Current?.ModuleId != CardData.Text(input.Data, "m"));

    public Task AnswerAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (_, progress) =>
        {
            if (CardData.Text(input.Data, "m") is not { } module || CardData.Number(input.Data, "a") is not { } attempt || CardData.Text(input.Data, "q") is not { } question)
            {
                return Stale(progress);
            }

            // No choice selected (a client that ignores isRequired): show the question again.
            return CardData.Text(input.Data, "choice") is { } choice
                ? Journey.Answer(course, progress, module, attempt, question, choice, time.GetUtcNow())
                : Journey.Continue(course, progress);
        }, cancellationToken);

    public Task AfterFeedbackAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken) =>
        RunAsync(turn, true, (_, progress) => CardData.Text(input.Data, "m") is { } module && CardData.Number(input.Data, "a") is { } attempt
            ? Journey.AfterFeedback(course, progress, module, attempt)
            : Stale(progress), cancellationToken);

    /// <summary>Where a click's answer goes: a new message when it opens a module (one message per module, the welcome and results stay), else in place.</summary>
    private static bool NewMessage(CourseProgress before) => true;

    private static bool InPlace(CourseProgress before) => false;

    private async Task RunAsync(TurnContext turn, bool fromCard, Func<Learner, CourseProgress, JourneyStep> rule, CancellationToken cancellationToken, Func<CourseProgress, bool>? newMessage = null)
    {
        newMessage ??= InPlace;
        if (!TeamsActivity.IsPersonal(turn.Activity) || TeamsActivity.LearnerKeyOf(turn.Activity) is null)
        {
            await teamIntro.AnswerAsync(turn, fromCard, cancellationToken);
            return;
        }

        if (course.Modules.Count == 0)
        {
            // The course is not published yet (no module in course.yaml): say so instead of failing.
            var waiting = await learners.EnsureAsync(turn.Activity, cancellationToken);
            await replies.AnswerAsync(turn, fromCard, "coming-soon", LearnerSessions.LanguageFor(waiting, turn.Activity), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var asNewMessage = false;
        var progressed = false;
        var claim = TurnClaim.Current;
        var (learner, outcome, firstContact) = await learners.ChangeNotingFirstContactAsync(turn.Activity, current =>
        {
            asNewMessage = newMessage(current.Progress);
            var step = rule(current, current.Progress);
            var changed = !ReferenceEquals(step.Progress, current.Progress);
            progressed = changed;

            // The card replaces the clicked one in the invoke response; any other answer (a new message, or an answer to a
            // message activity, an Action.Submit click included) goes through the connector, which needs the activity's
            // claim first: written with the learner even when nothing changed, it costs no extra request, and its ETag
            // proves the copy the rule read current (otherwise a copy from memory would need a storage read to confirm
            // "nothing changed").
            var inInvokeResponse = fromCard && !asNewMessage && turn.IsInvoke;
            var updated = changed ? current with { Progress = step.Progress, LastActive = now }
                : !inInvokeResponse && claim is { IsTaken: false } ? current with { }
                : current;
            if (claim is not null)
            {
                // A card shown in place of the clicked one, with nothing after it: the answer is final before the write,
                // so the write stores it with the activity's claim (a repeat elsewhere gets it with no further write).
                claim.FinalAnswer = changed && inInvokeResponse && !BringsTheBadge(updated, step.Outcome)
                    ? InvokeResponses.Card(cards.Render(updated, step.Outcome))
                    : null;
            }

            return (updated, step.Outcome);
        }, cancellationToken);
        if (progressed)
        {
            // In memory only (the Viva Learning sync queues a nudge for its worker): no storage, no network on the turn.
            foreach (var listener in progressListeners)
            {
                listener.OnProgressChanged(learner);
            }
        }

        if (firstContact)
        {
            // "start" typed with no installation before: the welcome, and what it says the bot keeps, was never shown.
            var language = learner.Language;
            var welcome = $"**{content.Text(language, "welcome.title")}**\n\n{content.Text(language, "welcome.privacy")}\n\n{content.Text(language, "welcome.hint")}";
            await replies.SendAsync(turn, "notice", language, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["text"] = welcome });
        }

        if (claim?.FinalAnswer is { } final)
        {
            // Already rendered with the write (a card in place of the clicked one, no badge): answer with it. If the
            // write stored it with the claim, the claim is done; otherwise the host completes the claim with it.
            turn.InvokeResponse = final;
            return;
        }

        var card = cards.Render(learner, outcome);
        if (fromCard && !asNewMessage)
        {
            await turn.ReplaceCardAsync(card, cancellationToken);
        }
        else
        {
            await replies.OpenBelowAsync(turn, card, learner.Language, cancellationToken); // the clicked card stays as it was
        }

        // The badge comes with the first course turn that finds the course complete and no badge issued yet: normally the
        // result that passes the last module; if that turn failed before the badge (storage cut, instance killed), Teams'
        // re-delivery of it or the learner's next course turn. Not under an answer's feedback: "See my result" comes next.
        // Cheap: a learner with the mark (or not complete) costs no badge-store read.
        if (BringsTheBadge(learner, outcome))
        {
            foreach (var listener in completionListeners)
            {
                await listener.OnCourseCompletedAsync(turn, learner, cancellationToken);
            }
        }
    }

    /// <summary>This turn must issue and show the badge (<see cref="ICourseCompletionListener"/>): see the comment at its call.</summary>
    private bool BringsTheBadge(Learner learner, JourneyOutcome outcome) =>
        !learner.BadgeIssued && outcome is not JourneyOutcome.Feedback && Journey.IsCompleted(course, learner.Progress);

    private static JourneyStep Stale(CourseProgress progress) => new(progress, new JourneyOutcome.Stale(progress.Current));

    private static int Seed(Learner learner, string module, CourseProgress progress) =>
        QuestionDraw.Seed(learner.Key.ToString(), module, progress.Module(module).AttemptCount.ToString(CultureInfo.InvariantCulture));
}
