namespace ConnectooBot.Web.Admin;

/// <summary>The dashboard's log lines (EventIds 4600–4619). The person appears only as a hash, never by name or id.</summary>
internal static partial class Log
{
    [LoggerMessage(4600, LogLevel.Information, "Admin dashboard access: {Path} tenant {TenantId} user {UserHash}: {Outcome}")]
    public static partial void AdminAccess(ILogger logger, string path, string tenantId, string userHash, AdminAccessOutcome outcome);

    [LoggerMessage(4601, LogLevel.Information, "Admin dashboard: {Mode}")]
    public static partial void AdminMode(ILogger logger, AdminMode mode);

    [LoggerMessage(4602, LogLevel.Information, "Admin dashboard: no programme snapshot yet for tenant {TenantId}")]
    public static partial void NoSnapshot(ILogger logger, string tenantId);

    [LoggerMessage(4603, LogLevel.Warning, "Admin development sign-in used: tenant {TenantId}, role granted {Admin}")]
    public static partial void DevelopmentSignIn(ILogger logger, string tenantId, bool admin);
}

/// <summary>What happened to a request for a dashboard page.</summary>
public enum AdminAccessOutcome
{
    /// <summary>Signed in with the role: the page was served.</summary>
    Granted,

    /// <summary>Signed in without the role (or without a tenant): 403.</summary>
    Forbidden,

    /// <summary>Not signed in: sent to sign in.</summary>
    Challenged,
}
