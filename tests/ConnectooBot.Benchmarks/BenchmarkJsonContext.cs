using System.Text.Json.Serialization;

namespace ConnectooBot.Benchmarks;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ConnectorStats))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
