namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// The bot's own identity, for outbound tokens (section <c>Bot</c>: <c>Bot:AppId</c>, <c>Bot:AppType</c>, …).
/// No app id means local development: no token is requested and none is sent.
/// </summary>
public sealed class BotCredentialOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Entra app (client) id of the bot; empty turns authentication off (not allowed in Production).</summary>
    public string? AppId { get; set; }

    public BotAppType? AppType { get; set; }

    /// <summary>The app's home tenant, required for <see cref="BotAppType.SingleTenant"/>.</summary>
    public string? TenantId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX/P12 file (with <see cref="CertificatePassword"/> if protected) or a PEM file holding certificate and key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The user-assigned managed identity's client id; defaults to <see cref="AppId"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The managed identity client id in force for <see cref="BotAppType.UserAssignedMSI"/>.</summary>
    public string? EffectiveManagedIdentityClientId =>
        string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? AppId : ManagedIdentityClientId;
}
