using System.Collections.Immutable;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Learning.Progress;

/// <summary>
/// Draws an attempt's questions from a module's bank: questions the learner has not met in the previous attempt first,
/// then the least recently seen; among those, questions that are not a lesson step's quick check first (the lesson
/// showed those with their answer minutes before, so a first attempt made of them would test short-term memory); in a
/// shuffled order. A case (the final cross-module story) keeps its author's order. Deterministic for a given seed, so
/// re-applying a change after a storage conflict draws the same questions.
/// </summary>
public static class QuestionDraw
{
    public static ImmutableList<string> Draw(Module module, IReadOnlyList<QuizAttempt> previous, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var lastSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < previous.Count; i++)
        {
            foreach (var id in previous[i].QuestionIds)
            {
                lastSeen[id] = i + 1;
            }
        }

        return Draw(module, lastSeen, count, seed);
    }

    /// <param name="lastSeen">Question id → the number of the last attempt that drew it (absent: never drawn).</param>
    public static ImmutableList<string> Draw(Module module, IReadOnlyDictionary<string, int> lastSeen, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(lastSeen);
        if (module.IsCase)
        {
            // A case tells one story: every question, in the order its author wrote them ("Back to the card:" follows
            // the SMS questions; a shuffle told the ending before the start).
            return [.. module.Questions.Select(q => q.Id)];
        }

        var random = new Random(seed);
        var quickChecks = module.QuickCheckIds;
        return [.. module.Questions
            .Select(q => (q.Id, Seen: lastSeen.GetValueOrDefault(q.Id), Tiebreak: random.Next()))
            .OrderBy(q => q.Seen)
            .ThenBy(q => quickChecks.Contains(q.Id))
            .ThenBy(q => q.Tiebreak)
            .Take(Math.Min(count, module.Questions.Count))
            .OrderBy(_ => random.Next())
            .Select(q => q.Id)];
    }

    /// <summary>A stable seed from text (string.GetHashCode is randomised per process).</summary>
    public static int Seed(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in string.Join('\u001f', parts))
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
