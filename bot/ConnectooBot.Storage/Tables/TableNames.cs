namespace ConnectooBot.Storage.Tables;

/// <summary>The tables, each prefixed with <see cref="StorageOptions.TablePrefix"/>.</summary>
public sealed class TableNames(string prefix)
{
    public string Learners { get; } = prefix + "Learners";

    public string Conversations { get; } = prefix + "Conversations";

    public string Teams { get; } = prefix + "Teams";

    public string Claims { get; } = prefix + "Claims";

    public IReadOnlyList<string> All => [Learners, Conversations, Teams, Claims];
}
