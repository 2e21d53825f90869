namespace ConnectooBot.Learning.Turns;

/// <summary>Which inbound activity a claim is about: Teams re-delivers an activity with the same conversation and id.</summary>
public readonly record struct ActivityClaimKey(string TenantId, string ConversationId, string ActivityId);
