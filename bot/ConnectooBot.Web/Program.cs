using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Storage;
using ConnectooBot.Web.Admin;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Course;
using ConnectooBot.Web.Delivery;
using ConnectooBot.Web.Help;
using ConnectooBot.Web.Insights;
using ConnectooBot.Web.Hosting;
using ConnectooBot.Web.Hosting.Telemetry;
using ConnectooBot.Web.Language;
using ConnectooBot.Web.Legal;
using ConnectooBot.Web.Managers;
using ConnectooBot.Web.Nudges;
using ConnectooBot.Web.Privacy;
using ConnectooBot.Web.Reminders;
using ConnectooBot.Web.Turns;
using ConnectooBot.Web.VivaLearning;

if (await BadgeCommands.TryRunAsync(args))
{
    return 0; // operator commands (badges revoke …) run instead of the web host
}

var builder = WebApplication.CreateBuilder(args);
var (services, configuration) = (builder.Services, builder.Configuration);
services.AddHosting(configuration, builder.Environment);
services.AddBotProtocol(configuration);
services.AddStorage(configuration);
services.AddTurns(configuration);
services.AddHelpAndWelcome();
services.AddLanguage();
services.AddCourse();
services.AddBadges(configuration);
services.AddManagersAndProgress(configuration);
services.AddNudges(configuration);
services.AddRemindersAndReview(configuration);
services.AddPrivacy(configuration);
services.AddDelivery(configuration);
services.AddLegal();
services.AddVivaLearning(configuration);
services.AddInsights(configuration);
services.AddAdmin(configuration, builder.Environment);

var app = builder.Build();
// Authors: "preview <module> <language> <folder>" (every card of a module) and "content-report" (the content figures).
if ((PreviewCommand.TryRun(app, args) ?? ContentReportCommand.TryRun(app, args)) is { } exitCode)
{
    return exitCode;
}

app.MapBotEndpoint();
app.MapHealthEndpoints();
app.MapBadges();
app.MapManagersAndProgress();
app.MapPrivacy();
app.MapLegal();
app.MapDelivery();
app.MapInsights(app.Environment);
app.MapAdmin();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
