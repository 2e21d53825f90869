namespace ConnectooBot.Testing.Conversations;

/// <summary>A Teams user in a test tenant: Entra object id, bot-specific 29: id, name and Teams locale.</summary>
public sealed record TeamsUser(string Name, string Locale, string AadObjectId, string AccountId)
{
    public const string DefaultTenant = "99999999-0000-0000-0000-00000000c0de";

    public static TeamsUser Create(string name, string locale = "en-US")
    {
        var id = Guid.NewGuid();
        return new TeamsUser(name, locale, id.ToString(), "29:" + id.ToString("N"));
    }
}
