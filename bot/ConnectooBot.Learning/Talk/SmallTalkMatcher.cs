namespace ConnectooBot.Learning.Talk;

/// <summary>
/// Recognises a message made only of small talk ("merci !", "ok 👍", "dank je wel", "bonjour, merci"): read from the
/// left, every word must belong to a phrase of some kind (the longest phrase first) or to the filler words. The
/// answer is the first kind, in the order given, that occurs; a message of filler words alone is not small talk.
/// </summary>
public sealed class SmallTalkMatcher(IReadOnlyList<TalkTopic> kinds, IReadOnlyList<TalkPhrase> fillers)
{
    private const int MaxWords = 12;

    public IReadOnlyList<TalkTopic> Kinds { get; } = kinds ?? throw new ArgumentNullException(nameof(kinds));

    public IReadOnlyList<TalkPhrase> Fillers { get; } = fillers ?? throw new ArgumentNullException(nameof(fillers));

    /// <summary>The kind of small talk, or null when the message says something else.</summary>
    public string? Match(string? text)
    {
        var words = TalkText.Words(text);
        if (words.Count == 0 || words.Count > MaxWords)
        {
            return null;
        }

        var found = new HashSet<int>();
        var position = 0;
        while (position < words.Count)
        {
            var (length, kind) = LongestAt(words, position);
            if (length == 0)
            {
                return null;
            }

            if (kind >= 0)
            {
                found.Add(kind);
            }

            position += length;
        }

        return found.Count == 0 ? null : Kinds[found.Min()].Id;
    }

    /// <summary>The longest phrase at a position: its length and its kind's index (-1 for a filler); (0, -1) when none.</summary>
    private (int Length, int Kind) LongestAt(IReadOnlyList<string> words, int position)
    {
        var best = (Length: 0, Kind: -1);
        for (var k = 0; k < Kinds.Count; k++)
        {
            foreach (var phrase in Kinds[k].Phrases)
            {
                if (phrase.Words.Count > best.Length && phrase.StandsAt(words, position))
                {
                    best = (phrase.Words.Count, k);
                }
            }
        }

        foreach (var filler in Fillers)
        {
            if (filler.Words.Count > best.Length && filler.StandsAt(words, position))
            {
                best = (filler.Words.Count, -1);
            }
        }

        return best;
    }
}
