using ConnectooBot.Learning.Delivery;

namespace ConnectooBot.Storage.Delivery;

/// <summary>
/// A queue message's body: one item (<see cref="Item"/>, with how many of its returns were deferrals and how many
/// times earlier messages of the same item were received), or a batch of items as a producer queued them
/// (<see cref="Items"/>: up to <see cref="DeliveryEnvelopes.MaxItemsPerMessage"/>, never received before).
/// </summary>
internal sealed record DeliveryEnvelope(DeliveryItem? Item, int Deferrals, int PriorDequeues = 0, IReadOnlyList<DeliveryItem>? Items = null);
