using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// Operator endpoints, behind <see cref="OpsKeyFilter"/>: <c>GET /ops/deliveries?days=7</c> (recent runs with
/// counts, newest first) and <c>GET /ops/deliveries/{runId}</c> (one run; run ids may contain '/').
/// </summary>
internal static class DeliveryEndpoints
{
    public const string Path = "/ops/deliveries";
    private const int DefaultDays = 7;
    private const int MaxDays = 90;

    internal static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).AddEndpointFilter<OpsKeyFilter>().ExcludeFromDescription();
        group.MapGet("", ListAsync);
        group.MapGet("/{**runId}", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(IDeliveryLedger ledger, TimeProvider time, int? days, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-Math.Clamp(days ?? DefaultDays, 1, MaxDays));
        var runs = await ledger.ListRunsAsync(since, cancellationToken);
        IReadOnlyList<DeliveryRunView> views = [.. runs.Select(DeliveryRunView.From)];
        return Results.Json(views, DeliveryOpsJsonContext.Default.IReadOnlyListDeliveryRunView);
    }

    private static async Task<IResult> GetAsync(string runId, IDeliveryLedger ledger, CancellationToken cancellationToken) =>
        await ledger.GetRunAsync(runId, cancellationToken) is { } summary
            ? Results.Json(DeliveryRunView.From(summary), DeliveryOpsJsonContext.Default.DeliveryRunView)
            : Results.NotFound();
}
