using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Storage.Tables;

/// <summary>A review answer as <c>["module","question",1,1764000000000]</c>; the older object form is still read.</summary>
internal sealed class ReviewAnswerJsonConverter : TwoIdsFlagInstantJsonConverter<ReviewAnswer>
{
    protected override (string First, string Second) LegacyNames => ("MODULEID", "QUESTIONID");

    protected override string What => "A review answer";

    protected override ReviewAnswer Create(string? first, string? second, bool correct, DateTimeOffset at) =>
        new(first ?? string.Empty, second ?? string.Empty, correct, at);

    protected override (string First, string Second, bool Correct, DateTimeOffset At) Parts(ReviewAnswer value) =>
        (value.ModuleId, value.QuestionId, value.Correct, value.At);
}
