using System.Reflection;
using System.Text.RegularExpressions;

namespace ConnectooBot.Web.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md, inside Web: one closed folder per feature. A feature may use <c>Turns/</c>, <c>Hosting/</c>,
/// Learning, Protocol and Storage's abstractions; another feature only through what that feature makes public
/// (its <c>Add…</c>/<c>Map…</c> and the few types named in its feature file), never its internals. The shared folders
/// use no feature, and Web never touches the Azure SDK (only the telemetry exporter, in Hosting/Telemetry, and the
/// managed-identity credential of the Graph client, in VivaLearning/VivaGraphServiceCollectionExtensions.cs).
/// </summary>
public sealed partial class FeatureFolderTests
{
    public static readonly string[] Features = ["Course", "Language", "Help", "Badges", "Managers", "Nudges", "Reminders", "Privacy", "Delivery", "Legal", "VivaLearning", "Insights", "Admin"];
    private static readonly string[] Shared = ["Turns", "Hosting"];
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static string WebFolder => Path.Combine(ContentPaths.RepositoryRoot, "bot", "ConnectooBot.Web");

    public static TheoryData<string> FeatureNames() => [.. Features];

    [Fact]
    public void EverySourceFile_LivesInAFeatureOrASharedFolder()
    {
        var loose = SourceFiles(WebFolder)
            .Select(f => Path.GetRelativePath(WebFolder, f).Replace('\\', '/'))
            .Where(f => f != "Program.cs" && !Features.Concat(Shared).Any(folder => f.StartsWith(folder + "/", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(loose);
    }

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void AFeature_UsesNoOtherFeaturesInternals(string feature)
    {
        var violations = new List<string>();
        foreach (var file in SourceFiles(Path.Combine(WebFolder, feature)))
        {
            var source = File.ReadAllText(file);
            foreach (var other in ReferencedFeatures(source).Where(f => f != feature))
            {
                var own = TypeNames(feature, internals: true).Concat(TypeNames(feature, internals: false)).ToHashSet(StringComparer.Ordinal);
                violations.AddRange(TypeNames(other, internals: true)
                    .Where(name => !own.Contains(name) && Regex.IsMatch(source, $@"(?<![\w.]){name}\b"))
                    .Select(name => $"{Path.GetFileName(file)} uses {other}'s internal {name}"));
            }
        }

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("Turns")]
    [InlineData("Hosting")]
    public void ASharedFolder_UsesNoFeature(string shared)
    {
        var violations = SourceFiles(Path.Combine(WebFolder, shared))
            .SelectMany(file => ReferencedFeatures(File.ReadAllText(file)).Select(f => $"{Path.GetFileName(file)} uses {f}"))
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void Web_NeverTouchesTheAzureSdk_OutsideTheTelemetryExporterAndTheGraphCredential()
    {
        var violations = SourceFiles(WebFolder)
            .Where(file => !Path.GetRelativePath(WebFolder, file).Replace('\\', '/').StartsWith("Hosting/Telemetry/", StringComparison.Ordinal))
            .Where(file => Path.GetRelativePath(WebFolder, file).Replace('\\', '/') != "VivaLearning/VivaGraphServiceCollectionExtensions.cs")
            .Where(file => AzureSdk().IsMatch(File.ReadAllText(file)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void Web_ReachesStorageOnlyThroughItsAbstractions()
    {
        var violations = SourceFiles(WebFolder)
            .Where(file => StorageInternals().IsMatch(File.ReadAllText(file)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void NoServiceLocation_OutsideComposition()
    {
        // Composition: the feature files (Add…/Map…), the shared registrations and the host commands that run instead of the web host.
        static bool IsComposition(string file) =>
            file.EndsWith("Feature.cs", StringComparison.Ordinal) || file.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal)
            || file.EndsWith("Command.cs", StringComparison.Ordinal) || file.EndsWith("Commands.cs", StringComparison.Ordinal) || file.EndsWith("Program.cs", StringComparison.Ordinal);

        var violations = SourceFiles(WebFolder)
            .Where(file => !IsComposition(file) && File.ReadAllText(file).Contains("GetRequiredService", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(violations);
    }

    private static IEnumerable<string> ReferencedFeatures(string source) =>
        Features.Where(f => Regex.IsMatch(source, $@"(^using ConnectooBot\.Web\.{f};|ConnectooBot\.Web\.{f}\.)", RegexOptions.Multiline));

    private static IEnumerable<string> TypeNames(string feature, bool internals) =>
        Web.GetTypes()
            .Where(t => t.Namespace == "ConnectooBot.Web." + feature && !t.IsNested && !t.Name.StartsWith('<'))
            .Where(t => t.IsPublic != internals)
            .Select(t => t.Name.Split('`')[0])
            .Distinct();

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"(^using Azure[.;]|(?<![\w.])Azure\.[A-Z])", RegexOptions.Multiline)]
    private static partial Regex AzureSdk();

    [GeneratedRegex(@"ConnectooBot\.Storage\.(Tables|InMemory|Delivery)\b")]
    private static partial Regex StorageInternals();
}
