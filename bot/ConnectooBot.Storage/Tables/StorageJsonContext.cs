using System.Text.Json.Serialization;
using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// How learner state is stored as JSON. Computed properties (no setter) are not written; unknown properties from a
/// newer version are ignored on read, so a rollback does not fail.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Learner))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
