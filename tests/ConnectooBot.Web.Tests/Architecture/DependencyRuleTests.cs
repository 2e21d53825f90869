using System.Reflection;
using System.Xml.Linq;

namespace ConnectooBot.Web.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md: Web → Protocol, Learning, Storage; Storage → Learning; Learning → nothing; Protocol → nothing of ours.
/// </summary>
public sealed class DependencyRuleTests
{
    public static TheoryData<string, string[]> Rules() => new()
    {
        { "ConnectooBot.Learning", [] },
        { "ConnectooBot.Protocol", [] },
        { "ConnectooBot.Storage", ["ConnectooBot.Learning"] },
        { "ConnectooBot.Web", ["ConnectooBot.Learning", "ConnectooBot.Protocol", "ConnectooBot.Storage"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Assembly_ReferencesOnlyWhatTheRuleAllows(string project, string[] allowed)
    {
        var assembly = Assembly.Load(project);

        var ours = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("ConnectooBot.", StringComparison.Ordinal));

        Assert.Empty(ours.Except(allowed));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void ProjectFile_ReferencesOnlyWhatTheRuleAllows(string project, string[] allowed)
    {
        var csproj = XDocument.Load(Path.Combine(ContentPaths.RepositoryRoot, "bot", project, project + ".csproj"));

        var references = csproj.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Order(StringComparer.Ordinal);

        Assert.Equal(allowed, references);
    }

    [Fact]
    public void Learning_ReferencesNoFrameworkBeyondTheBaseLibrary()
    {
        var assembly = Assembly.Load("ConnectooBot.Learning");

        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Azure.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("System.Text.Json", StringComparison.Ordinal));
    }
}
