using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectooBot.Web.Delivery;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(DeliveryRunView))]
[JsonSerializable(typeof(IReadOnlyList<DeliveryRunView>))]
internal sealed partial class DeliveryOpsJsonContext : JsonSerializerContext;
