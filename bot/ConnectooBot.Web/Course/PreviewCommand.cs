using System.Text.Encodings.Web;
using System.Text.Json;
using ConnectooBot.Web.Turns;
using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Course;

/// <summary>
/// <c>preview &lt;module&gt; &lt;language&gt; &lt;folder&gt;</c>: writes every card of a module, as the bot renders it, to
/// JSON files (scripts/preview.sh turns them into PNG images with the official Adaptive Cards renderer).
/// </summary>
public static class PreviewCommand
{
    /// <summary>Runs <c>preview …</c> with the app's own configuration instead of the web host; null when the arguments are not this command.</summary>
    public static int? TryRun(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return args.FirstOrDefault() == "preview" ? Run(app.Services, args[1..], Console.Out) : null;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static int Run(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count != 3 || !Languages.IsSupported(args[1]))
        {
            output.WriteLine("usage: preview <module-id> <fr|nl|de|en> <output-folder>");
            return 2;
        }

        var (module, language, folder) = (args[0], args[1], args[2]);
        var course = services.GetRequiredService<Learning.Catalog.Course>();
        if (course.FindModule(module) is null)
        {
            output.WriteLine($"No module '{module}'. Modules: {string.Join(", ", course.Modules.Select(m => m.Id))}");
            return 2;
        }

        Directory.CreateDirectory(folder);
        var count = 0;
        foreach (var (name, card) in services.GetRequiredService<ModulePreview>().Cards(module, language))
        {
            File.WriteAllText(Path.Combine(folder, name + ".json"), card.ToJsonString(Indented));
            count++;
        }

        output.WriteLine($"{count} cards of '{module}' in '{language}' written to {folder}");
        return 0;
    }
}
