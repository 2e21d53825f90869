using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Content;
using ConnectooBot.Web.Teams.Badge;
using ConnectooBot.Web.Teams.Course;
using ConnectooBot.Web.Teams.Managers;
using ConnectooBot.Web.Teams.Nudges;
using ConnectooBot.Web.Teams.Privacy;
using ConnectooBot.Web.Teams.Progress;
using ConnectooBot.Web.Teams.Reminders;

namespace ConnectooBot.Web.Teams;

/// <summary>The bot's route table: text commands (words from <c>dialogs-content/commands.yaml</c>), card verbs and install events.</summary>
internal static class BotRoutes
{
    public static class Verbs
    {
        public const string CourseStart = "course.start";
        public const string CourseContinue = "course.continue";
        public const string CourseMap = "course.map";
        public const string ModuleOpen = "module.open";
        public const string LessonGo = "lesson.go";
        public const string QuizStart = "quiz.start";
        public const string QuizAnswer = "quiz.answer";
        public const string QuizNext = "quiz.next";
        public const string LanguageSet = "language.set";
        public const string HelpShow = "help.show";
        public const string BadgeShow = "badge.show";
        public const string BadgeShare = "badge.share";
        public const string ProgressTeam = "progress.team";
        public const string NudgesSet = "nudges.set";
        public const string NudgesDecline = "nudges.decline";
        public const string NudgeAnswer = "nudge.answer";
        public const string RemindersSnooze = "reminders.snooze";
        public const string RemindersOff = "reminders.off";
        public const string RemindersOn = "reminders.on";
        public const string DataDelete = "data.delete";
        public const string DataKeep = "data.keep";
    }

    public static RouteTable Build(UiContent content, WelcomeFlow welcome, HelpFlow help, JourneyFlow journey, LanguageFlow language, BadgeFlow badge, ProgressFlow progress, ManagersFlow managers, NudgesFlow nudges, NudgeAnswerFlow nudgeAnswers, RemindersFlow reminders, PrivacyFlow privacy, InstallationFlow installation)
    {
        var routes = new RouteTable()
            .OnCommand("hello", WordsOf(content, "hello"), (turn, _, ct) => welcome.SendWelcomeAsync(turn, ct))
            .OnCommand("help", WordsOf(content, "help"), (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: false, ct))
            .OnCommand("start", WordsOf(content, "start"), (turn, _, ct) => journey.StartAsync(turn, fromCard: false, ct))
            .OnCommand("continue", WordsOf(content, "continue"), (turn, _, ct) => journey.ContinueAsync(turn, fromCard: false, ct))
            .OnCommand("modules", WordsOf(content, "modules"), (turn, _, ct) => journey.ShowMapAsync(turn, fromCard: false, ct))
            .OnCommand("progress", WordsOf(content, "progress"), (turn, _, ct) => progress.OnCommandAsync(turn, ct))
            .OnCommand("managers", WordsOf(content, "managers"), (turn, _, ct) => managers.ListAsync(turn, ct))
            .OnCommand("managers-add", WordsOf(content, "managers-add"), (turn, _, ct) => managers.AddAsync(turn, ct))
            .OnCommand("managers-remove", WordsOf(content, "managers-remove"), (turn, _, ct) => managers.RemoveAsync(turn, ct))
            .OnCommand("nudges", WordsOf(content, "nudges"), nudges.OnCommandAsync)
            .OnCommand("nudges-off", WordsOf(content, "nudges-off"), (turn, _, ct) => nudges.OffAsync(turn, ct))
            .OnCommand("reminders", WordsOf(content, "reminders"), (turn, _, ct) => reminders.ShowAsync(turn, ct))
            .OnCommand("reminders-off", WordsOf(content, "reminders-off"), (turn, _, ct) => reminders.OffAsync(turn, fromCard: false, ct))
            .OnCommand("reminders-on", WordsOf(content, "reminders-on"), (turn, _, ct) => reminders.OnAsync(turn, fromCard: false, ct))
            .OnCommand("snooze", WordsOf(content, "snooze"), (turn, _, ct) => reminders.SnoozeAsync(turn, fromCard: false, ct))
            .OnCommand("my-data", WordsOf(content, "my-data"), (turn, _, ct) => privacy.ShowAsync(turn, ct))
            .OnCommand("delete-my-data", WordsOf(content, "delete-my-data"), (turn, _, ct) => privacy.AskToDeleteAsync(turn, ct))
            .OnCommand("language", WordsOf(content, "language"), (turn, _, ct) => language.ShowAsync(turn, ct))
            .OnCommand("badge", WordsOf(content, "badge"), (turn, _, ct) => badge.ShowAsync(turn, fromCard: false, ct))
            .OnUnrecognizedText(help.UnrecognizedTextAsync)
            .OnCardAction(Verbs.CourseStart, (turn, _, ct) => journey.StartAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.CourseContinue, (turn, _, ct) => journey.ContinueAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.CourseMap, (turn, _, ct) => journey.ShowMapAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.ModuleOpen, journey.OpenModuleAsync)
            .OnCardAction(Verbs.LessonGo, journey.GoToStepAsync)
            .OnCardAction(Verbs.QuizStart, journey.StartQuizAsync)
            .OnCardAction(Verbs.QuizAnswer, journey.AnswerAsync)
            .OnCardAction(Verbs.QuizNext, journey.AfterFeedbackAsync)
            .OnCardAction(Verbs.LanguageSet, language.SetAsync)
            .OnCardAction(Verbs.BadgeShow, (turn, _, ct) => badge.ShowAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.BadgeShare, badge.ShareAsync)
            .OnCardAction(Verbs.ProgressTeam, progress.OnTeamPickedAsync)
            .OnCardAction(Verbs.NudgesSet, nudges.OnOfferAcceptedAsync)
            .OnCardAction(Verbs.NudgesDecline, nudges.OnOfferDeclinedAsync)
            .OnCardAction(Verbs.NudgeAnswer, nudgeAnswers.OnAnswerAsync)
            .OnCardAction(Verbs.RemindersSnooze, (turn, _, ct) => reminders.SnoozeAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.RemindersOff, (turn, _, ct) => reminders.OffAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.RemindersOn, (turn, _, ct) => reminders.OnAsync(turn, fromCard: true, ct))
            .OnCardAction(Verbs.DataDelete, privacy.DeleteAsync)
            .OnCardAction(Verbs.DataKeep, privacy.CancelAsync)
            .OnCardAction(Verbs.HelpShow, (turn, _, ct) => help.ShowHelpAsync(turn, fromCard: true, ct))
            .OnUnknownCardAction((turn, _, ct) => help.StaleCardAsync(turn, ct))
            .OnActivity(ActivityTypes.ConversationUpdate, installation.OnConversationUpdateAsync);
        var unrouted = content.Commands.Keys.Except(routes.Commands.Keys, StringComparer.Ordinal).ToList();
        return unrouted.Count == 0
            ? routes
            : throw new ContentValidationException([.. unrouted.Select(c => $"commands.yaml: '{c}' has no route in the bot.")]);
    }

    private static IEnumerable<string> WordsOf(UiContent content, string command) =>
        content.Commands.TryGetValue(command, out var byLanguage)
            ? byLanguage.Values.SelectMany(words => words)
            : throw new ContentValidationException([$"commands.yaml: the command '{command}' is missing."]);
}
