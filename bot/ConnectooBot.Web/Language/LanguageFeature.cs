using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Language;

/// <summary>The learner's language: "language" shows the choice, a button sets it (it then wins over the Teams locale).</summary>
public static class LanguageFeature
{
    public static IServiceCollection AddLanguage(this IServiceCollection services)
    {
        services.AddSingleton<LanguageFlow>();
        return services.AddBotRoutes<LanguageRoutes>();
    }

    private sealed class LanguageRoutes(LanguageFlow language) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("language", (turn, _, ct) => language.ShowAsync(turn, ct))
            .CardAction("language.set", language.SetAsync);
    }
}
