namespace ConnectooBot.Web.Tests.Badges.Schema;

/// <summary>A credential the official OB 3.0 schema refuses; its message lists the schema's complaints.</summary>
public sealed class SchemaViolationException(string message) : Exception(message);
