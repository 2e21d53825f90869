using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Web.Nudges;

/// <summary>The question of a team's weekly nudge: drawn from all quiz banks, the same for every instance that draws it.</summary>
internal static class QuestionOfTheWeek
{
    public static (Module Module, Question Question) Pick(Learning.Catalog.Course course, string teamId, string occurrenceKey)
    {
        var all = course.Modules.SelectMany(m => m.Questions.Select(q => (Module: m, Question: q))).ToList();
        var seed = QuestionDraw.Seed(teamId, occurrenceKey);
        return all[(int)((uint)seed % (uint)all.Count)];
    }
}
