namespace ConnectooBot.Learning.Progress;

/// <summary>The progress after an action, and what to show. Unchanged progress is the same instance (no write needed).</summary>
public sealed record JourneyStep(CourseProgress Progress, JourneyOutcome Outcome);
