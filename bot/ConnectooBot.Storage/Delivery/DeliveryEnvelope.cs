using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Storage.Delivery;

/// <summary>A queue message's body: the item and how many of its returns were deferrals (not attempts).</summary>
internal sealed record DeliveryEnvelope(DeliveryItem Item, int Deferrals);
