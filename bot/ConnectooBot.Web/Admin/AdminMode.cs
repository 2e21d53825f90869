namespace ConnectooBot.Web.Admin;

/// <summary>How people reach the dashboard, decided once at start from the configuration and the environment.</summary>
public enum AdminMode
{
    /// <summary>Outside Development without <c>Admin:Entra</c>: no /admin route exists (404).</summary>
    Off,

    /// <summary>Development without <c>Admin:Entra</c>: <c>/admin/dev-sign-in</c> issues the sign-in cookie.</summary>
    DevelopmentSignIn,

    /// <summary>Microsoft Entra ID sign-in (OpenID Connect through Microsoft.Identity.Web) with the app role.</summary>
    Entra,
}

internal static class AdminModes
{
    public static AdminMode Choose(AdminOptions options, IHostEnvironment environment) =>
        options.Entra.IsConfigured ? AdminMode.Entra
        : environment.IsDevelopment() ? AdminMode.DevelopmentSignIn
        : AdminMode.Off;
}
