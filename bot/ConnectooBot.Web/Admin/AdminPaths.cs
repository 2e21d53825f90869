namespace ConnectooBot.Web.Admin;

/// <summary>The dashboard's addresses, all under <c>/admin</c> (the sign-in cookie's path).</summary>
internal static class AdminPaths
{
    public const string Root = "/admin";
    public const string Items = "/admin/items";
    public const string Assets = "/admin/assets";
    public const string DevSignIn = "/admin/dev-sign-in";
    public const string SignOut = "/admin/sign-out";
    public const string SignInCallback = "/admin/signin-oidc";
    public const string SignedOutCallback = "/admin/signout-callback-oidc";
}
