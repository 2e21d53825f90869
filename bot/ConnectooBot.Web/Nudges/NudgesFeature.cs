using ConnectooBot.Web.Turns;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Nudges;

/// <summary>Weekly channel nudges: "nudges monday 10:00", the scheduler that posts each once, and the question of the week answered privately.</summary>
public static class NudgesFeature
{
    public static IServiceCollection AddNudges(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NudgeOptions>().Bind(configuration.GetSection(NudgeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NudgeOptions>, NudgeOptionsValidator>();
        services.AddSingleton<NudgeCards>();
        services.AddSingleton<NudgesFlow>();
        services.AddSingleton<NudgeAnswerFlow>();
        services.AddSingleton<NudgeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NudgeScheduler>());
        return services.AddBotRoutes<NudgeRoutes>();
    }

    private sealed class NudgeRoutes(NudgesFlow nudges, NudgeAnswerFlow answers) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("nudges", nudges.OnCommandAsync)
            .Command("nudges-off", (turn, _, ct) => nudges.OffAsync(turn, ct))
            .CardAction("nudges.set", nudges.OnOfferAcceptedAsync)
            .CardAction("nudges.decline", nudges.OnOfferDeclinedAsync)
            .CardAction("nudge.answer", answers.OnAnswerAsync);
    }
}
