namespace ConnectooBot.Web.Admin;

/// <summary>
/// Section <c>Admin</c>: the L&amp;D dashboard. Outside Development it is off until <c>Admin:Entra</c> names the Entra
/// app registration (tenant, client id, credential); in Development without it, a development sign-in stands in.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The app role an Entra admin assigns to the people who may open the dashboard.</summary>
    public const string Role = "Connectoo.Admin";

    /// <summary>
    /// The Microsoft.Identity.Web section (<c>Instance</c>, <c>TenantId</c>, <c>ClientId</c>, <c>CallbackPath</c>,
    /// <c>ClientCredentials</c>). Read from <c>Admin:Entra</c>; only its presence is decided here.
    /// </summary>
    public EntraSettings Entra { get; init; } = new();

    /// <summary>Development only: the tenant whose snapshot the development sign-in opens (any tenant id the bot has seen).</summary>
    public string DevelopmentTenantId { get; init; } = string.Empty;

    /// <summary>The fields of <c>Admin:Entra</c> the validator checks (Microsoft.Identity.Web reads the whole section).</summary>
    public sealed class EntraSettings
    {
        public string Instance { get; init; } = "https://login.microsoftonline.com/";

        public string TenantId { get; init; } = string.Empty;

        public string ClientId { get; init; } = string.Empty;

        public string CallbackPath { get; init; } = AdminPaths.SignInCallback;

        /// <summary>How the app proves itself when it redeems the sign-in code (SourceType per entry).</summary>
        public IList<CredentialSettings> ClientCredentials { get; init; } = [];

        public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(TenantId);
    }

    public sealed class CredentialSettings
    {
        public string SourceType { get; init; } = string.Empty;

        public string? ManagedIdentityClientId { get; init; }

        public string? KeyVaultUrl { get; init; }

        public string? KeyVaultCertificateName { get; init; }
    }
}
