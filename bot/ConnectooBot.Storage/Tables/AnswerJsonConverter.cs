using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// A quiz answer as <c>["question-id","choice",1,1764000000000]</c> (about a third of the object form); the object
/// form of rows written before it (<c>{"questionId":…,"choiceId":…,"correct":…,"at":…}</c>) is still read.
/// </summary>
internal sealed class AnswerJsonConverter : JsonConverter<Answer>
{
    public override Answer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            string? question = null, choice = null;
            var correct = false;
            DateTimeOffset at = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name?.ToUpperInvariant())
                {
                    case "QUESTIONID": question = reader.GetString(); break;
                    case "CHOICEID": choice = reader.GetString(); break;
                    case "CORRECT": correct = reader.GetBoolean(); break;
                    case "AT": at = reader.GetDateTimeOffset(); break;
                    default: reader.Skip(); break;
                }
            }

            return new Answer(question ?? throw new JsonException("An answer names no question."), choice ?? string.Empty, correct, at);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("An answer is an array or an object.");
        }

        CompactJson.Next(ref reader);
        var id = reader.GetString() ?? throw new JsonException("An answer names no question.");
        CompactJson.Next(ref reader);
        var chosen = reader.GetString() ?? string.Empty;
        CompactJson.Next(ref reader);
        var right = CompactJson.ReadFlag(ref reader);
        CompactJson.Next(ref reader);
        var when = CompactJson.ReadInstant(ref reader) ?? default;
        CompactJson.SkipToEnd(ref reader);
        return new Answer(id, chosen, right, when);
    }

    public override void Write(Utf8JsonWriter writer, Answer value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteStringValue(value.QuestionId);
        writer.WriteStringValue(value.ChoiceId);
        writer.WriteNumberValue(value.Correct ? 1 : 0);
        CompactJson.WriteInstant(writer, value.At);
        writer.WriteEndArray();
    }
}
