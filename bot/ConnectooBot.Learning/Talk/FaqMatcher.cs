namespace ConnectooBot.Learning.Talk;

/// <summary>
/// Finds the question a message asks: a topic scores the number of words of its keywords found in the message
/// (each keyword counts when all its words occur, in any order); the highest score wins, the earlier topic on a tie.
/// Keywords of every language count, so a learner may ask in another language than the one they chose.
/// </summary>
public sealed class FaqMatcher(IReadOnlyList<TalkTopic> topics)
{
    public IReadOnlyList<TalkTopic> Topics { get; } = topics ?? throw new ArgumentNullException(nameof(topics));

    /// <summary>The id of the question asked, or null.</summary>
    public string? Match(string? text)
    {
        var words = TalkText.Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        string? best = null;
        var bestScore = 0;
        foreach (var topic in Topics)
        {
            var score = topic.Phrases.Where(p => p.OccursIn(words)).Sum(p => p.Words.Count);
            if (score > bestScore)
            {
                (best, bestScore) = (topic.Id, score);
            }
        }

        return best;
    }
}
