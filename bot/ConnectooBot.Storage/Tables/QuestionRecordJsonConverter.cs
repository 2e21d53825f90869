using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// A question record as <c>[lastDrawn,"first choice",firstCorrect,lastCorrect,lastAnsweredAt,slow]</c>, e.g.
/// <c>[3,"b",1,0,1764000000000,0]</c>: the per-question history stays a few dozen bytes a question.
/// </summary>
internal sealed class QuestionRecordJsonConverter : JsonConverter<QuestionRecord>
{
    public override QuestionRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A question record is an array.");
        }

        CompactJson.Next(ref reader);
        var drawn = reader.GetInt32();
        CompactJson.Next(ref reader);
        var firstChoice = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
        CompactJson.Next(ref reader);
        var firstCorrect = CompactJson.ReadFlag(ref reader);
        CompactJson.Next(ref reader);
        var lastCorrect = CompactJson.ReadFlag(ref reader);
        CompactJson.Next(ref reader);
        var lastAt = CompactJson.ReadInstant(ref reader);
        CompactJson.Next(ref reader);
        var slow = CompactJson.ReadFlag(ref reader);
        CompactJson.SkipToEnd(ref reader);
        return new QuestionRecord { LastDrawn = drawn, FirstChoice = firstChoice, FirstCorrect = firstCorrect, LastCorrect = lastCorrect, LastAnsweredAt = lastAt, Slow = slow };
    }

    public override void Write(Utf8JsonWriter writer, QuestionRecord value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.LastDrawn);
        if (value.FirstChoice is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.FirstChoice);
        }

        writer.WriteNumberValue(value.FirstCorrect ? 1 : 0);
        writer.WriteNumberValue(value.LastCorrect ? 1 : 0);
        CompactJson.WriteInstant(writer, value.LastAnsweredAt);
        writer.WriteNumberValue(value.Slow ? 1 : 0);
        writer.WriteEndArray();
    }
}
