namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>
/// Tests that put hundreds of messages through the shared Azurite run on their own, after the parallel tests: they
/// would otherwise slow Azurite for tests that pin storage request counts, and share the CPU with the rate test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AzuriteLoadCollection
{
    public const string Name = "Azurite load";
}
