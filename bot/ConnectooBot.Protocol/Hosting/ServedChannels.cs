namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// The channels this bot answers: Teams, and in Development with authentication off also the local client's own
/// channel (the Microsoft 365 Agents Playground run with <c>--channel-id emulator</c>). An activity from any other
/// channel, or from none, is refused before any state. The Bot Framework SDKs let a missing channelId pass; a
/// Teams-only bot need not.
/// </summary>
public static class ServedChannels
{
    public const string Teams = "msteams";

    public const string LocalClient = "emulator";

    public static bool IsServed(string? channelId, bool localDevelopment) =>
        string.Equals(channelId, Teams, StringComparison.OrdinalIgnoreCase)
        || (localDevelopment && string.Equals(channelId, LocalClient, StringComparison.OrdinalIgnoreCase));
}
