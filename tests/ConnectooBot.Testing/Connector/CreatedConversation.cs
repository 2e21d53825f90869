using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Testing.Connector;

/// <summary>A <c>POST /v3/conversations</c> the <see cref="RecordingConnector"/> answered, with the ids it gave.</summary>
public sealed record CreatedConversation(ConversationParameters Parameters, string ConversationId, string? ActivityId);
