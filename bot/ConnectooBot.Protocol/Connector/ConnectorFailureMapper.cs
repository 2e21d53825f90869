using System.Net;

namespace ConnectooBot.Protocol.Connector;

/// <summary>Maps a failed connector response to a <see cref="ConnectorFailure"/> (teams-protocol.md §5.3).</summary>
internal static class ConnectorFailureMapper
{
    public static ConnectorFailure Map(HttpStatusCode status, string? errorCode)
    {
        var code = (int)status;
        switch (code)
        {
            case 412:
                return ConnectorFailure.PreconditionFailed;
            case 413:
                return ConnectorFailure.TooBig;
            case 429:
                return ConnectorFailure.Throttled;
            case >= 500:
                return ConnectorFailure.ServiceError;
        }

        if (code is >= 400 and < 500 && FromErrorCode(errorCode) is { } known)
        {
            return known;
        }

        return code switch
        {
            400 => ConnectorFailure.BadRequest,
            401 => ConnectorFailure.Unauthorized,
            403 => ConnectorFailure.Forbidden,
            404 => ConnectorFailure.NotFound,
            408 => ConnectorFailure.Timeout,
            _ => ConnectorFailure.Unknown,
        };
    }

    private static ConnectorFailure? FromErrorCode(string? errorCode) => errorCode?.ToUpperInvariant() switch
    {
        "CONVERSATIONBLOCKEDBYUSER" or "MESSAGEWRITESBLOCKED" => ConnectorFailure.BlockedByUser,
        "BOTNOTINCONVERSATIONROSTER" or "FORBIDDENOPERATIONEXCEPTION" => ConnectorFailure.NotInstalled,
        "BOTDISABLEDBYADMIN" => ConnectorFailure.BotDisabledByAdmin,
        "CONVERSATIONNOTFOUND" or "ACTIVITYNOTFOUNDINCONVERSATION" or "MEMBERNOTFOUNDINCONVERSATION" => ConnectorFailure.NotFound,
        "MESSAGESIZETOOBIG" => ConnectorFailure.TooBig,
        "INVALIDBOTAPIHOST" => ConnectorFailure.InvalidBotApiHost,
        _ => null,
    };
}
