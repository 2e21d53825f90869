using ConnectooBot.Web.Turns;

namespace ConnectooBot.Web.Course;

/// <summary>The course in personal chat: the map, lessons step by step, quizzes, results (and the module preview for authors).</summary>
public static class CourseFeature
{
    public static IServiceCollection AddCourse(this IServiceCollection services)
    {
        services.AddSingleton<CourseCards>();
        services.AddSingleton<JourneyFlow>();
        services.AddSingleton<ICourseMap>(sp => sp.GetRequiredService<JourneyFlow>());
        services.AddSingleton<ModulePreview>();
        return services.AddBotRoutes<CourseRoutes>();
    }

    private sealed class CourseRoutes(JourneyFlow journey) : IBotRoutes
    {
        public void Register(BotRouteBuilder routes) => routes
            .Command("start", (turn, _, ct) => journey.StartAsync(turn, fromCard: false, ct))
            .Command("continue", (turn, _, ct) => journey.ContinueAsync(turn, fromCard: false, ct))
            .Command("modules", (turn, _, ct) => journey.ShowMapAsync(turn, fromCard: false, ct))
            .CardAction("course.start", (turn, _, ct) => journey.StartAsync(turn, fromCard: true, ct))
            .CardAction("course.continue", (turn, _, ct) => journey.ContinueAsync(turn, fromCard: true, ct))
            .CardAction("course.map", (turn, _, ct) => journey.ShowMapAsync(turn, fromCard: true, ct))
            .CardAction("module.open", journey.OpenModuleAsync)
            .CardAction("lesson.go", journey.GoToStepAsync)
            .CardAction("lesson.check", journey.CheckAsync)
            .CardAction("lesson.open", journey.OpenStepAsync)
            .CardAction("lesson.view", journey.ViewStepAsync)
            .CardAction("quiz.start", journey.StartQuizAsync)
            .CardAction("quiz.answer", journey.AnswerAsync)
            .CardAction("quiz.next", journey.AfterFeedbackAsync);
    }
}
