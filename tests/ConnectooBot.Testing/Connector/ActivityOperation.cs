namespace ConnectooBot.Testing.Connector;

public enum ActivityOperation
{
    /// <summary><c>POST /v3/conversations/{id}/activities</c>.</summary>
    Send,

    /// <summary><c>POST /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Reply,

    /// <summary><c>PUT /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Update,

    /// <summary>The first activity of <c>POST /v3/conversations</c>.</summary>
    CreateConversation,
}
