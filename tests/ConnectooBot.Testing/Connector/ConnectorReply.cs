namespace ConnectooBot.Testing.Connector;

/// <summary>What the fake connector answers to one request, and what it delivered.</summary>
internal sealed record ConnectorReply(int StatusCode, string? Json, RecordedActivity? Activity = null, CreatedConversation? Conversation = null)
{
    public static ConnectorReply Fault(ConnectorFault fault) => new(fault.StatusCode, fault.Body);

    public static ConnectorReply Error(int statusCode, string code) => Fault(ConnectorFault.Error(statusCode, code));
}
