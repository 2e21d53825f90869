using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Extensions;

if (await BadgeCommands.TryRunAsync(args)) return; // operator commands (badges revoke …) run instead of the web host

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddBotProtocol(builder.Configuration);
builder.Services.AddTeamsBot(builder.Configuration);
builder.Services.AddBadges(builder.Configuration);

var app = builder.Build();
app.MapBotEndpoint();
app.MapHealthEndpoints();
app.MapBadgeEndpoints();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
