namespace ConnectooBot.Storage.Tests.Badges;

/// <summary>
/// A test that needs Azure Table storage: runs when <c>CONNECTOO_TEST_TABLES</c> holds a connection string (Azurite:
/// <c>UseDevelopmentStorage=true</c>), is reported as skipped otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AzuriteFactAttribute : FactAttribute
{
    public const string Variable = "CONNECTOO_TEST_TABLES";

    public AzuriteFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"Set {Variable} (e.g. UseDevelopmentStorage=true with Azurite running) to run the table tests.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
