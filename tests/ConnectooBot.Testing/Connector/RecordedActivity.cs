using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Testing.Connector;

/// <summary>An activity the bot got out through the connector (answered with success).</summary>
/// <param name="Operation">How it was sent.</param>
/// <param name="ConversationId">The conversation it went to.</param>
/// <param name="ActivityId">The id the connector gave it (send, reply, create) or the id it replaced (update).</param>
/// <param name="Activity">The body as the bot sent it.</param>
public sealed record RecordedActivity(ActivityOperation Operation, string ConversationId, string ActivityId, Activity Activity);
