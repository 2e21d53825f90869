using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectooBot.Learning.Turns;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// An activity claim in a learner's row as <c>["id","holder",takenAtMs,leaseUntilMs,1,"answer"]</c>: instants as Unix
/// milliseconds, done as 0/1, the answer only when kept. A fraction of the object form, for a row every turn writes.
/// </summary>
internal sealed class HeldClaimJsonConverter : JsonConverter<HeldClaim>
{
    public override HeldClaim Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A held claim is an array.");
        }

        CompactJson.Next(ref reader);
        var id = reader.GetString() ?? string.Empty;
        CompactJson.Next(ref reader);
        var holder = reader.GetString() ?? string.Empty;
        CompactJson.Next(ref reader);
        var takenAt = CompactJson.ReadInstant(ref reader) ?? default;
        CompactJson.Next(ref reader);
        var leaseUntil = CompactJson.ReadInstant(ref reader) ?? default;
        CompactJson.Next(ref reader);
        var done = CompactJson.ReadFlag(ref reader);
        string? answer = null;
        if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            answer = reader.GetString();
            CompactJson.SkipToEnd(ref reader);
        }

        return new HeldClaim(id, holder, takenAt, leaseUntil, done, answer);
    }

    public override void Write(Utf8JsonWriter writer, HeldClaim value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteStringValue(value.Id);
        writer.WriteStringValue(value.Holder);
        CompactJson.WriteInstant(writer, value.TakenAt);
        CompactJson.WriteInstant(writer, value.LeaseUntil);
        writer.WriteNumberValue(value.Done ? 1 : 0);
        if (value.Answer is not null)
        {
            writer.WriteStringValue(value.Answer);
        }

        writer.WriteEndArray();
    }
}
