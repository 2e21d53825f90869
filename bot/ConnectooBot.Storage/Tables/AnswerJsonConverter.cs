using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Storage.Tables;

/// <summary>A quiz answer as <c>["question-id","choice",1,1764000000000]</c>; the older object form is still read.</summary>
internal sealed class AnswerJsonConverter : TwoIdsFlagInstantJsonConverter<Answer>
{
    protected override (string First, string Second) LegacyNames => ("QUESTIONID", "CHOICEID");

    protected override string What => "An answer";

    protected override Answer Create(string? first, string? second, bool correct, DateTimeOffset at) =>
        new(first ?? throw new System.Text.Json.JsonException("An answer names no question."), second ?? string.Empty, correct, at);

    protected override (string First, string Second, bool Correct, DateTimeOffset At) Parts(Answer value) =>
        (value.QuestionId, value.ChoiceId, value.Correct, value.At);
}
