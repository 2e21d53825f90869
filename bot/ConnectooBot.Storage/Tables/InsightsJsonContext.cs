using System.Text.Json.Serialization;
using ConnectooBot.Learning.Insights;

namespace ConnectooBot.Storage.Tables;

/// <summary>How a programme snapshot is stored as JSON (camelCase, flags and enums as names, nulls kept out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProgrammeInsights))]
internal sealed partial class InsightsJsonContext : JsonSerializerContext;
