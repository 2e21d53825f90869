using System.Text.Json.Serialization;

namespace ConnectooBot.Storage.Delivery;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DeliveryEnvelope))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
