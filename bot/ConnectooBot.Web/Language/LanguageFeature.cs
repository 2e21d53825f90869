using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Language;

/// <summary>
/// The learner's language: "language" shows the choice, a typed language name or a button sets it (it then wins over
/// the Teams locale). The welcome's language buttons are answered here too.
/// </summary>
public static class LanguageFeature
{
    public static IServiceCollection AddLanguage(this IServiceCollection services)
    {
        services.AddSingleton<LanguageNames>();
        services.AddSingleton<LanguageCards>();
        services.AddSingleton<LanguageFlow>();
        return services.AddBotRoutes<LanguageRoutes>();
    }

    private sealed class LanguageRoutes(LanguageFlow language) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("language", language.OnCommandAsync)
            .CardAction("language.set", language.SetAsync);
    }
}
