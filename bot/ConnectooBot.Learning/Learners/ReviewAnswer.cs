namespace ConnectooBot.Learning.Learners;

/// <summary>An answer outside a quiz attempt (question of the week, spaced review): retrieval practice, never a score.</summary>
public sealed record ReviewAnswer(string ModuleId, string QuestionId, bool Correct, DateTimeOffset At);
