using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectooBot.Learning.Progress;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// A quiz attempt as <c>{"n":2,"v":"…","s":ms,"f":ms,"p":1,"q":["id",…],"a":[["choice",1,ms],…]}</c>: short names,
/// instants as Unix milliseconds, and each answer without its question id (answers come in the order of
/// <c>q</c>, which the journey enforces). The long form of older rows (<c>number</c>, <c>questionIds</c>,
/// <c>answers</c> as objects, …) is still read.
/// </summary>
internal sealed class QuizAttemptJsonConverter : JsonConverter<QuizAttempt>
{
    public override QuizAttempt Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A quiz attempt is an object.");
        }

        var number = 0;
        var version = string.Empty;
        DateTimeOffset started = default;
        DateTimeOffset? finished = null;
        var passed = false;
        var questions = ImmutableList<string>.Empty;
        var answers = new List<(string? Question, string Choice, bool Correct, DateTimeOffset At)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "n" or "number": number = reader.GetInt32(); break;
                case "v" or "contentVersion": version = reader.GetString() ?? string.Empty; break;
                case "s" or "startedAt": started = CompactJson.ReadInstant(ref reader) ?? default; break;
                case "f" or "finishedAt": finished = CompactJson.ReadInstant(ref reader); break;
                case "p" or "passed": passed = CompactJson.ReadFlag(ref reader); break;
                case "q" or "questionIds": questions = ReadIds(ref reader); break;
                case "a" or "answers": ReadAnswers(ref reader, answers); break;
                default: reader.Skip(); break;
            }
        }

        return new QuizAttempt
        {
            Number = number,
            ContentVersion = version,
            StartedAt = started,
            FinishedAt = finished,
            Passed = passed,
            QuestionIds = questions,
            Answers = [.. answers.Select((a, i) => new Answer(a.Question ?? (i < questions.Count ? questions[i] : throw new JsonException("An answer has no question.")), a.Choice, a.Correct, a.At))],
        };
    }

    public override void Write(Utf8JsonWriter writer, QuizAttempt value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("n", value.Number);
        writer.WriteString("v", value.ContentVersion);
        writer.WriteNumber("s", value.StartedAt.ToUnixTimeMilliseconds());
        if (value.FinishedAt is { } finished)
        {
            writer.WriteNumber("f", finished.ToUnixTimeMilliseconds());
        }

        writer.WriteNumber("p", value.Passed ? 1 : 0);
        writer.WriteStartArray("q");
        foreach (var id in value.QuestionIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("a");
        for (var i = 0; i < value.Answers.Count; i++)
        {
            var answer = value.Answers[i];
            writer.WriteStartArray();
            if (i >= value.QuestionIds.Count || value.QuestionIds[i] != answer.QuestionId)
            {
                writer.WriteStringValue(answer.QuestionId); // not in draw order (never from the journey): keep the id
            }

            writer.WriteStringValue(answer.ChoiceId);
            writer.WriteNumberValue(answer.Correct ? 1 : 0);
            writer.WriteNumberValue(answer.At.ToUnixTimeMilliseconds());
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static ImmutableList<string> ReadIds(ref Utf8JsonReader reader)
    {
        var ids = ImmutableList.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(reader.GetString() ?? string.Empty);
        }

        return ids.ToImmutable();
    }

    private static void ReadAnswers(ref Utf8JsonReader reader, List<(string? Question, string Choice, bool Correct, DateTimeOffset At)> answers)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var old = new AnswerJsonConverter().Read(ref reader, typeof(Answer), JsonSerializerOptions.Default);
                answers.Add((old.QuestionId, old.ChoiceId, old.Correct, old.At));
                continue;
            }

            var parts = new List<object?>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                parts.Add(reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.GetInt64(),
                    JsonTokenType.True => 1L,
                    JsonTokenType.False => 0L,
                    _ => null,
                });
            }

            // [choice, correct, at] in draw order, or [question, choice, correct, at].
            var withId = parts.Count >= 4;
            var offset = withId ? 1 : 0;
            answers.Add((
                withId ? parts[0] as string : null,
                parts.ElementAtOrDefault(offset) as string ?? string.Empty,
                parts.ElementAtOrDefault(offset + 1) is long flag && flag != 0,
                parts.ElementAtOrDefault(offset + 2) is long at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : default));
        }
    }
}
