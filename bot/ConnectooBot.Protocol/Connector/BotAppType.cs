namespace ConnectooBot.Protocol.Connector;

/// <summary>The Azure Bot "Type of App" (teams-protocol.md §3.1), configuration key <c>Bot:AppType</c>.</summary>
public enum BotAppType
{
    /// <summary>Client secret or certificate against the app's home tenant. The choice for new bots.</summary>
    SingleTenant,

    /// <summary>Legacy: client secret or certificate against the <c>botframework.com</c> tenant.</summary>
    MultiTenant,

    /// <summary>A user-assigned managed identity on Azure compute (IMDS); no secret.</summary>
    UserAssignedMSI,
}
