using System.Text.Json;

namespace ConnectooBot.Storage.Tables;

/// <summary>Helpers of the compact converters: instants as Unix milliseconds, flags as 0/1.</summary>
internal static class CompactJson
{
    public static void WriteInstant(Utf8JsonWriter writer, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static DateTimeOffset? ReadInstant(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.String ? reader.GetDateTimeOffset()
        : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64());

    public static bool ReadFlag(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => reader.GetInt32() != 0,
        };

    /// <summary>Reads the next token of an array, failing on a short one.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            throw new JsonException("A compact record is shorter than expected.");
        }
    }

    /// <summary>Skips what a newer version appended, up to the end of the array.</summary>
    public static void SkipToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }
    }
}
