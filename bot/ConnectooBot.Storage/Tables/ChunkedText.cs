using Azure.Data.Tables;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// A long text kept in several string columns (<c>State</c>, <c>State1</c>, …): one Table Storage string property
/// holds at most 32K characters, an entity 1 MiB.
/// </summary>
internal static class ChunkedText
{
    public const int ChunkLength = 30_000;
    public const int MaxChunks = 16;

    public static void Write(TableEntity entity, string column, string text)
    {
        var count = Math.Max(1, (text.Length + ChunkLength - 1) / ChunkLength);
        if (count > MaxChunks)
        {
            throw new InvalidOperationException($"The value of '{column}' is {text.Length} characters; at most {ChunkLength * MaxChunks} can be stored.");
        }

        for (var i = 0; i < count; i++)
        {
            var start = i * ChunkLength;
            entity[Name(column, i)] = count == 1 ? text : text.Substring(start, Math.Min(ChunkLength, text.Length - start));
        }
    }

    public static string Read(TableEntity entity, string column)
    {
        var parts = new List<string>();
        for (var i = 0; i < MaxChunks && entity.TryGetValue(Name(column, i), out var value) && value is string part; i++)
        {
            parts.Add(part);
        }

        return string.Concat(parts);
    }

    private static string Name(string column, int index) => index == 0 ? column : column + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
