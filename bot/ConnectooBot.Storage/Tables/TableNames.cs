namespace ConnectooBot.Storage.Tables;

/// <summary>The tables, each prefixed with <see cref="StorageOptions.TablePrefix"/>.</summary>
public sealed class TableNames(string prefix)
{
    public string Learners { get; } = prefix + "Learners";

    public string Conversations { get; } = prefix + "Conversations";

    public string Teams { get; } = prefix + "Teams";

    public string Claims { get; } = prefix + "Claims";

    /// <summary>The delivery ledger: one partition per run, one row per recipient, plus the run index.</summary>
    public string Deliveries { get; } = prefix + "Deliveries";

    /// <summary>Issued badges and the revocation status list (the store also creates it on first use).</summary>
    public string Badges { get; } = prefix + TableBadgeStore.TableName;

    /// <summary>The programme snapshot per tenant (the L&amp;D dashboard's figures), written by the rollup.</summary>
    public string Insights { get; } = prefix + "Insights";

    public IReadOnlyList<string> All => [Learners, Conversations, Teams, Claims, Deliveries, Insights];
}
