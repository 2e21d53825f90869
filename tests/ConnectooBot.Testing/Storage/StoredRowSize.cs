using Azure.Data.Tables;

namespace ConnectooBot.Testing.Storage;

/// <summary>
/// The size of a stored row as the tests and the benchmark report it: each column's name and value, strings by their
/// characters, binary columns by their bytes (Table Storage keeps them as bytes; they travel as base64, a third more),
/// anything else by its text.
/// </summary>
public static class StoredRowSize
{
    public static int Of(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Sum(p => p.Key.Length + p.Value switch
        {
            null => 0,
            byte[] bytes => bytes.Length,
            var other => other.ToString()?.Length ?? 0,
        });
    }
}
