using ConnectooBot.Web.Turns;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// The optional Viva Learning sync (<c>VivaLearning:Enabled</c>, off by default): the modules as learning content, an
/// activity per learner and module, their erasure with "delete my data". Off: nothing is registered but the options,
/// so no Graph client exists and no request is made. See this folder's README.
/// </summary>
public static class VivaLearningFeature
{
    public static IServiceCollection AddVivaLearning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VivaLearningOptions>()
            .Bind(configuration.GetSection(VivaLearningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<VivaLearningOptions>, VivaLearningOptionsValidator>();
        if (!configuration.GetSection(VivaLearningOptions.SectionName).GetValue<bool>(nameof(VivaLearningOptions.Enabled)))
        {
            return services;
        }

        services.AddVivaGraphClient();
        services.AddSingleton<VivaGraph>();
        services.AddSingleton<VivaContentPublisher>();
        services.AddSingleton<VivaActivitySync>();
        services.AddSingleton<VivaErasure>();
        services.AddSingleton<IPersonalDataErasureListener>(sp => sp.GetRequiredService<VivaErasure>());
        services.AddSingleton<VivaNudges>();
        services.AddSingleton<ICourseProgressListener>(sp => sp.GetRequiredService<VivaNudges>());
        services.AddSingleton<VivaSyncWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<VivaSyncWorker>());
        return services;
    }
}
