using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Storage.Tests.Badges;

/// <summary>
/// A test that needs Azure Table storage: always runs, against the run's Azurite (see <see cref="Azurite"/>); an
/// unreachable Azurite fails the test instead of skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AzuriteFactAttribute : FactAttribute
{
    public static string ConnectionString => Azurite.GetAsync().GetAwaiter().GetResult().ConnectionString;
}
