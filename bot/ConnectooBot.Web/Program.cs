using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Storage;
using ConnectooBot.Web.Commands;
using ConnectooBot.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddBotProtocol(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddTeamsBot(builder.Configuration);

var app = builder.Build();
if (HostCommands.TryRun(app, args) is { } exitCode)
{
    return exitCode;
}

app.MapBotEndpoint();
app.MapHealthEndpoints();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
