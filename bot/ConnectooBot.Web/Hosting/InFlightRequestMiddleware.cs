namespace ConnectooBot.Web.Hosting;

/// <summary>Counts every request but the health probes in <see cref="InFlightRequests"/> while it is served.</summary>
internal sealed class InFlightRequestMiddleware(RequestDelegate next, InFlightRequests inFlight)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HealthPaths.IsProbe(context.Request.Path))
        {
            await next(context);
            return;
        }

        inFlight.Enter();
        try
        {
            await next(context);
        }
        finally
        {
            inFlight.Exit();
        }
    }
}
