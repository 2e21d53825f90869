namespace ConnectooBot.Learning.Viva;

/// <summary>The two states of a self-initiated course in Viva Learning (Graph's <c>courseStatus</c>: <c>inProgress</c>, <c>completed</c>).</summary>
public enum VivaStatus
{
    InProgress,
    Completed,
}
