using System.Text.Json.Serialization;
using ConnectooBot.Learning.Turns;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Teams;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// How learner and team state is stored as JSON. Computed properties (no setter) are not written; unknown properties from a
/// newer version are ignored on read, so a rollback does not fail. Quiz answers, review answers and question records
/// are written as short arrays (their converters still read the object form of older rows).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(QuizAttemptJsonConverter), typeof(AnswerJsonConverter), typeof(ReviewAnswerJsonConverter), typeof(QuestionRecordJsonConverter), typeof(HeldClaimJsonConverter)])]
[JsonSerializable(typeof(Learner))]
[JsonSerializable(typeof(HeldClaim[]))]
[JsonSerializable(typeof(TeamRecord))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
