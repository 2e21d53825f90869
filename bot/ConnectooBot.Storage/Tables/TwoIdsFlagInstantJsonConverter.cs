using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// A record of two ids, a yes/no and an instant, stored as <c>["first","second",1,1764000000000]</c> (about a third of
/// the object form); the object form of rows written before (<c>{"&lt;first&gt;":…,"&lt;second&gt;":…,"correct":…,"at":…}</c>)
/// is still read. <see cref="AnswerJsonConverter"/> and <see cref="ReviewAnswerJsonConverter"/> say which ids.
/// </summary>
internal abstract class TwoIdsFlagInstantJsonConverter<T> : JsonConverter<T>
{
    /// <summary>The old object form's property names of the two ids, in upper case.</summary>
    protected abstract (string First, string Second) LegacyNames { get; }

    protected abstract string What { get; }

    protected abstract T Create(string? first, string? second, bool correct, DateTimeOffset at);

    protected abstract (string First, string Second, bool Correct, DateTimeOffset At) Parts(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            string? first = null, second = null;
            var correct = false;
            DateTimeOffset at = default;
            var (firstName, secondName) = LegacyNames;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()?.ToUpperInvariant();
                reader.Read();
                if (name == firstName) { first = reader.GetString(); }
                else if (name == secondName) { second = reader.GetString(); }
                else if (name == "CORRECT") { correct = reader.GetBoolean(); }
                else if (name == "AT") { at = reader.GetDateTimeOffset(); }
                else { reader.Skip(); }
            }

            return Create(first, second, correct, at);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"{What} is an array or an object.");
        }

        CompactJson.Next(ref reader);
        var id = reader.GetString();
        CompactJson.Next(ref reader);
        var other = reader.GetString();
        CompactJson.Next(ref reader);
        var right = CompactJson.ReadFlag(ref reader);
        CompactJson.Next(ref reader);
        var when = CompactJson.ReadInstant(ref reader) ?? default;
        CompactJson.SkipToEnd(ref reader);
        return Create(id, other, right, when);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var (first, second, correct, at) = Parts(value);
        writer.WriteStartArray();
        writer.WriteStringValue(first);
        writer.WriteStringValue(second);
        writer.WriteNumberValue(correct ? 1 : 0);
        CompactJson.WriteInstant(writer, at);
        writer.WriteEndArray();
    }
}
