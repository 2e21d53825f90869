namespace ConnectooBot.Learning.Talk;

/// <summary>
/// A keyword of one or more words, as written in <c>dialogs-content/faq/</c>: compared after <see cref="TalkText"/>;
/// a word ending in <c>*</c> matches every word that starts with it ("oblig*" → "obligatoire", "obligé").
/// </summary>
public sealed record TalkPhrase
{
    private TalkPhrase(IReadOnlyList<string> words, IReadOnlyList<bool> prefixes)
    {
        Words = words;
        Prefixes = prefixes;
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>For each word, whether it is a prefix (written with a trailing *).</summary>
    public IReadOnlyList<bool> Prefixes { get; }

    /// <summary>Null when the text holds no word.</summary>
    public static TalkPhrase? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var prefixes = new List<bool>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var prefix = part.EndsWith('*');
            var normalised = TalkText.Words(prefix ? part.TrimEnd('*') : part);
            for (var i = 0; i < normalised.Count; i++)
            {
                words.Add(normalised[i]);
                prefixes.Add(prefix && i == normalised.Count - 1);
            }
        }

        return words.Count == 0 ? null : new TalkPhrase(words, prefixes);
    }

    /// <summary>Every word of the phrase occurs somewhere in <paramref name="words"/>, in any order.</summary>
    public bool OccursIn(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < Words.Count; i++)
        {
            var found = false;
            foreach (var word in words)
            {
                if (WordMatches(i, word))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The phrase's words, one after the other, starting at <paramref name="start"/>.</summary>
    public bool StandsAt(IReadOnlyList<string> words, int start)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (start < 0 || start + Words.Count > words.Count)
        {
            return false;
        }

        for (var i = 0; i < Words.Count; i++)
        {
            if (!WordMatches(i, words[start + i]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(' ', Words.Select((w, i) => Prefixes[i] ? w + "*" : w));

    private bool WordMatches(int index, string word) =>
        Prefixes[index] ? word.StartsWith(Words[index], StringComparison.Ordinal) : string.Equals(word, Words[index], StringComparison.Ordinal);
}
