namespace ConnectooBot.Learning.Talk;

/// <summary>
/// A thing people say or ask (an FAQ question, a kind of small talk, or a subject of the course), with its keywords in every
/// language; a subject may name the lesson step that teaches it (<see cref="Step"/>: "module/step") when the step its
/// names would find is not the one that answers "what is …?".
/// </summary>
public sealed record TalkTopic(string Id, IReadOnlyList<TalkPhrase> Phrases, string? Step = null);
