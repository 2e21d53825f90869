using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Admin;

/// <summary>
/// The L&amp;D dashboard (<c>/admin</c>): the programme view and the item analysis, rendered on the server from the
/// tenant's programme snapshot (<c>IInsightsStore</c>, from <c>AddStorage</c>), charts drawn by Chart.js served from
/// this host, access through Microsoft Entra ID with the <c>Connectoo.Admin</c> app role (or the development sign-in
/// in Development). Off, with no route at all, outside Development until <c>Admin:Entra</c> is configured.
/// </summary>
public static class AdminFeature
{
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(AdminOptions.SectionName);
        services.AddOptions<AdminOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        var mode = AdminModes.Choose(section.Get<AdminOptions>() ?? new AdminOptions(), environment);
        services.AddSingleton(new AdminModeChoice(mode));
        if (mode == AdminMode.Off)
        {
            return services;
        }

        services.AddSingleton<AdminTexts>();
        services.AddSingleton<AdminCourseView>();
        services.AddSingleton<AdminLayout>();
        services.AddSingleton<ProgrammePage>();
        services.AddSingleton<ItemsPage>();
        services.AddSingleton<AdminMessagePages>();
        services.AddSingleton<AdminPageHandler>();
        services.AddAuthorizationBuilder().AddPolicy(AdminAccessPolicy.Name, AdminAccessPolicy.Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AdminAccessResultHandler>();
        if (mode == AdminMode.Entra)
        {
            AdminAuthentication.AddEntra(services, configuration, environment);
        }
        else
        {
            services.AddSingleton<DevelopmentSignIn>();
            AdminAuthentication.AddDevelopment(services, environment);
        }

        return services;
    }

    /// <summary><c>/admin</c>, <c>/admin/items</c>, their assets and sign-in routes (none when the dashboard is off).</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var mode = endpoints.ServiceProvider.GetRequiredService<AdminModeChoice>().Mode;
        Log.AdminMode(endpoints.ServiceProvider.GetRequiredService<ILogger<AdminModeChoice>>(), mode);
        return endpoints.MapAdminPages(mode);
    }
}

/// <summary>The mode chosen at start (<see cref="AdminMode"/>).</summary>
public sealed record AdminModeChoice(AdminMode Mode);
