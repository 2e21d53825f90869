namespace ConnectooBot.Web.Hosting;

/// <summary>Puts <see cref="InFlightRequestMiddleware"/> first in the pipeline, ahead of routing.</summary>
internal sealed class InFlightRequestStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<InFlightRequestMiddleware>();
        next(app);
    };
}
