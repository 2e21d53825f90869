namespace ConnectooBot.Web.Commands;

/// <summary>
/// Operator and author commands run with the app's own configuration instead of the web host:
/// <c>dotnet ConnectooBot.Web.dll preview …</c>. Returns null when the arguments are not a command.
/// </summary>
public static class HostCommands
{
    public static int? TryRun(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return args.FirstOrDefault() switch
        {
            "preview" => PreviewCommand.Run(app.Services, args[1..], Console.Out),
            _ => null,
        };
    }
}
