using ConnectooBot.Learning.Learners;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Nudges;

/// <summary>
/// An answer to the question of the week in a channel: the result is shown only to the person who answered (the
/// invoke's card changes their view alone; an old client's Submit gets it in the personal chat), and the answer is
/// recorded for that learner's spaced review.
/// </summary>
internal sealed class NudgeAnswerFlow(Learning.Catalog.Course course, LearnerSessions learners, NudgeCards cards, PrivateMessenger messenger, CardReplies replies, TimeProvider time)
{
    public async Task OnAnswerAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var module = CardData.Text(input.Data, "m") is { } moduleId ? course.FindModule(moduleId) : null;
        var question = module is not null && CardData.Text(input.Data, "q") is { } questionId ? module.FindQuestion(questionId) : null;
        var choice = CardData.Text(input.Data, "choice");
        if (module is null || question is null || choice is null || !question.Choices.Contains(choice) || TeamsActivity.LearnerKeyOf(activity) is null)
        {
            await replies.AnswerAsync(turn, turn.IsInvoke, "stale", Languages.FromLocale(TeamsActivity.LocaleOf(activity)), cancellationToken);
            return;
        }

        var answer = new ReviewAnswer(module.Id, question.Id, choice == question.Correct, time.GetUtcNow());
        var review = CardData.Text(input.Data, "kind") == "review";
        var (learner, _) = await learners.ChangeAsync(activity, current => (current.WithReviewAnswer(answer, spacedReview: review), true), cancellationToken);
        var result = cards.Result(module, question, choice, learner.Language, TeamsActivity.IsPersonal(activity) ? null : activity.Recipient?.Id, review);
        if (turn.IsInvoke || TeamsActivity.IsPersonal(activity))
        {
            await turn.ReplaceCardAsync(result, cancellationToken);
        }
        else
        {
            await messenger.SendAsync(turn, result, cancellationToken);
        }
    }
}
