using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Reminders;

/// <summary>Personal reminders after a week away and spaced-review questions, within working hours; "reminders", snooze, off and on.</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddRemindersAndReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RemindersFlow>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services.AddBotRoutes<ReminderRoutes>();
    }

    private sealed class ReminderRoutes(RemindersFlow reminders) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("reminders", (turn, _, ct) => reminders.ShowAsync(turn, ct))
            .Command("reminders-off", (turn, _, ct) => reminders.OffAsync(turn, fromCard: false, ct))
            .Command("reminders-on", (turn, _, ct) => reminders.OnAsync(turn, fromCard: false, ct))
            .Command("snooze", (turn, _, ct) => reminders.SnoozeAsync(turn, fromCard: false, ct))
            .CardAction("reminders.snooze", (turn, _, ct) => reminders.SnoozeAsync(turn, fromCard: true, ct))
            .CardAction("reminders.off", (turn, _, ct) => reminders.OffAsync(turn, fromCard: true, ct))
            .CardAction("reminders.on", (turn, _, ct) => reminders.OnAsync(turn, fromCard: true, ct));
    }
}
