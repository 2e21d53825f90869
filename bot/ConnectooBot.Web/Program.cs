using ConnectooBot.Protocol.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBotProtocol(builder.Configuration);

var app = builder.Build();
app.MapBotEndpoint();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
