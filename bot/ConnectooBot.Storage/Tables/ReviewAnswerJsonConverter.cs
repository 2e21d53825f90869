using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectooBot.Learning.Learners;

namespace ConnectooBot.Storage.Tables;

/// <summary>A review answer as <c>["module","question",1,1764000000000]</c>; the older object form is still read.</summary>
internal sealed class ReviewAnswerJsonConverter : JsonConverter<ReviewAnswer>
{
    public override ReviewAnswer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            string? module = null, question = null;
            var correct = false;
            DateTimeOffset at = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name?.ToUpperInvariant())
                {
                    case "MODULEID": module = reader.GetString(); break;
                    case "QUESTIONID": question = reader.GetString(); break;
                    case "CORRECT": correct = reader.GetBoolean(); break;
                    case "AT": at = reader.GetDateTimeOffset(); break;
                    default: reader.Skip(); break;
                }
            }

            return new ReviewAnswer(module ?? string.Empty, question ?? string.Empty, correct, at);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A review answer is an array or an object.");
        }

        CompactJson.Next(ref reader);
        var moduleId = reader.GetString() ?? string.Empty;
        CompactJson.Next(ref reader);
        var questionId = reader.GetString() ?? string.Empty;
        CompactJson.Next(ref reader);
        var right = CompactJson.ReadFlag(ref reader);
        CompactJson.Next(ref reader);
        var when = CompactJson.ReadInstant(ref reader) ?? default;
        CompactJson.SkipToEnd(ref reader);
        return new ReviewAnswer(moduleId, questionId, right, when);
    }

    public override void Write(Utf8JsonWriter writer, ReviewAnswer value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteStringValue(value.ModuleId);
        writer.WriteStringValue(value.QuestionId);
        writer.WriteNumberValue(value.Correct ? 1 : 0);
        CompactJson.WriteInstant(writer, value.At);
        writer.WriteEndArray();
    }
}
