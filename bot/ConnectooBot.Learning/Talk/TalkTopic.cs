namespace ConnectooBot.Learning.Talk;

/// <summary>A thing people say or ask (an FAQ question, or a kind of small talk), with its keywords in every language.</summary>
public sealed record TalkTopic(string Id, IReadOnlyList<TalkPhrase> Phrases);
