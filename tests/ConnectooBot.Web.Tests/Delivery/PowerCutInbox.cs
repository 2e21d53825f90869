using ConnectooBot.Learning.Delivery;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Web.Tests.Delivery;

/// <summary>The queue side of a <see cref="PowerCut"/>: after the trip, nothing is received, deleted or returned.</summary>
internal sealed class PowerCutInbox(IDeliveryInbox inner, PowerCut power) : IDeliveryInbox
{
    public async Task<IReadOnlyList<DeliveryMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.ReceiveAsync(maxMessages, visibility, cancellationToken);
    }

    public async Task DeleteAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        await inner.DeleteAsync(message, cancellationToken);
    }

    public async Task ReturnAsync(DeliveryMessage message, TimeSpan delay, bool deferral, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        await inner.ReturnAsync(message, delay, deferral, cancellationToken);
    }

    public async Task PoisonAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        await inner.PoisonAsync(message, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryItem>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken)
    {
        await power.GuardAsync();
        return await inner.PeekPoisonAsync(maxMessages, cancellationToken);
    }
}
