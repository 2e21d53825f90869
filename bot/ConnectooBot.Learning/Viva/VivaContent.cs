namespace ConnectooBot.Learning.Viva;

/// <summary>One module in one language as published to Viva Learning (<c>learningContent</c>): its external id and the id Viva returned.</summary>
public sealed record VivaContent(string ModuleId, string Language, string ExternalId, string GraphId);
