using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Storage;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Commands;
using ConnectooBot.Web.Delivery;
using ConnectooBot.Web.Extensions;
using ConnectooBot.Web.Hosting;
using ConnectooBot.Web.Legal;
using ConnectooBot.Web.Teams.Privacy;
using ConnectooBot.Web.Teams.Progress;
using ConnectooBot.Web.Telemetry;

if (await BadgeCommands.TryRunAsync(args))
{
    return 0; // operator commands (badges revoke …) run instead of the web host
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddTelemetry(builder.Configuration, builder.Environment);
builder.Services.AddGracefulShutdown(builder.Configuration);
builder.Services.AddBotProtocol(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddTeamsBot(builder.Configuration);
builder.Services.AddBadges(builder.Configuration);
builder.Services.AddLegalPages();
builder.Services.AddDelivery(builder.Configuration);

var app = builder.Build();
if (HostCommands.TryRun(app, args) is { } exitCode)
{
    return exitCode;
}

app.MapBotEndpoint();
app.MapHealthEndpoints();
app.MapBadgeEndpoints();
app.MapReportEndpoints();
app.MapPersonalDataEndpoints();
app.MapLegalPages();
app.MapDeliveryEndpoints();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
