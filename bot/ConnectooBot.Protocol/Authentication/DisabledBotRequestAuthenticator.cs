namespace ConnectooBot.Protocol.Authentication;

/// <summary>No app id configured: every request is accepted, as with the SDK in local development. Never in Production.</summary>
public sealed class DisabledBotRequestAuthenticator : IBotRequestAuthenticator
{
    public bool IsDisabled => true;

    public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, string? channelId, CancellationToken cancellationToken) =>
        Task.FromResult(AuthenticationOutcome.Anonymous);
}
