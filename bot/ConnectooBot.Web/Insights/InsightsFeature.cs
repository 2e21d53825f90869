using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Insights;

/// <summary>
/// The data behind the L&amp;D dashboard: the programme rollup (<see cref="ProgrammeRollupService"/>, public so the
/// dashboard and tests can run it now) and its scheduler. In Development, <c>POST /dev/insights/rollup[?tenant=…]</c>
/// runs it on demand.
/// </summary>
public static class InsightsFeature
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InsightsOptions>().Bind(configuration.GetSection(InsightsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<InsightsOptions>, InsightsOptionsValidator>();
        services.AddSingleton<ProgrammeRollupService>();
        services.AddSingleton<InsightsScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<InsightsScheduler>());
        return services;
    }

    /// <summary>Development only: <c>POST /dev/insights/rollup</c> (every tenant) or <c>?tenant=…</c> (one), answered with the counts.</summary>
    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            endpoints.MapPost("/dev/insights/rollup", async (string? tenant, ProgrammeRollupService rollup, CancellationToken ct) =>
            {
                IReadOnlyList<RollupRun> runs = tenant is null ? await rollup.RunAllAsync(ct) : [await rollup.RunAsync(tenant, ct)];
                return Results.Text(string.Join('\n', runs.Select(r => FormattableString.Invariant($"{r.Learners} learners, {r.Teams} teams, {r.TeamsWithoutRoster} without roster, {r.Took.TotalMilliseconds:0} ms"))));
            });
        }

        return endpoints;
    }
}
