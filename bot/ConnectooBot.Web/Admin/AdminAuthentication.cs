using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// The dashboard's sign-in: a cookie scoped to <c>/admin</c>, filled either by Microsoft Entra ID (OpenID Connect
/// through Microsoft.Identity.Web; the code is redeemed with the credential of <c>Admin:Entra:ClientCredentials</c>,
/// normally the bot's managed identity as a federated credential) or, in Development only, by the development sign-in.
/// </summary>
internal static class AdminAuthentication
{
    public static void AddEntra(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(
                configuration.GetSection(AdminOptions.SectionName + ":Entra"),
                openIdConnectScheme: AdminSchemes.Entra,
                cookieScheme: AdminSchemes.Cookie)
            .EnableTokenAcquisitionToCallDownstreamApi()
            .AddInMemoryTokenCaches();
        services.Configure<OpenIdConnectOptions>(AdminSchemes.Entra, options =>
        {
            options.SignedOutCallbackPath = AdminPaths.SignedOutCallback;
            options.TokenValidationParameters.RoleClaimType = AdminSchemes.RolesClaim;
        });
        services.Configure<CookieAuthenticationOptions>(AdminSchemes.Cookie, options =>
        {
            Cookie(options, environment);
            options.ForwardChallenge = AdminSchemes.Entra;
        });
    }

    public static void AddDevelopment(IServiceCollection services, IHostEnvironment environment) =>
        services.AddAuthentication().AddCookie(AdminSchemes.Cookie, options =>
        {
            Cookie(options, environment);
            options.LoginPath = AdminPaths.DevSignIn;
            // The sign-in page speaks the language the dashboard was asked in.
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.Redirect(context.RedirectUri + "&lang=" + RequestLanguage.Choose(context.Request));
                return Task.CompletedTask;
            };
        });

    private static void Cookie(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        options.Cookie.Name = AdminSchemes.CookieName;
        options.Cookie.Path = AdminPaths.Root;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.ReturnUrlParameter = "returnUrl";
    }

    /// <summary>Signs out of the dashboard (and of Entra when it signed the person in).</summary>
    public static IResult SignOut(AdminMode mode, string language) => mode == AdminMode.Entra
        ? Results.SignOut(new AuthenticationProperties { RedirectUri = AdminPaths.Root + "?lang=" + language }, [AdminSchemes.Cookie, AdminSchemes.Entra])
        : Results.SignOut(new AuthenticationProperties { RedirectUri = AdminPaths.DevSignIn + "?lang=" + language }, [AdminSchemes.Cookie]);
}
