using System.Text.Json;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Tests;

/// <summary>Recorded-shape Teams payloads from TestData/.</summary>
internal static class TestPayloads
{
    public static string Json(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name + ".json"));

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize(Json(name), ProtocolJsonContext.Default.Activity)!;
}
