namespace ConnectooBot.Web.Turns;

/// <summary>The bot's public web address (no trailing slash), for links the bot hands out.</summary>
public interface IPublicAddress
{
    string BaseUrl { get; }
}
