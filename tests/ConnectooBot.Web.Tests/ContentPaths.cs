namespace ConnectooBot.Web.Tests;

internal static class ContentPaths
{
    /// <summary>The content folder shipped beside the app under test (copied from dialogs-content/ at build).</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "dialogs-content");

    /// <summary>The repository root (for golden files that are updated in place).</summary>
    public static string RepositoryRoot => ConnectooBot.Testing.TestMachine.RepositoryRoot;
}
