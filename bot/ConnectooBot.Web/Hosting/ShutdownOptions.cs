using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Hosting;

/// <summary>Settings of the graceful shutdown (section <c>Hosting</c>).</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Hosting";

    /// <summary>
    /// How long a stopping host waits for in-flight requests (and then for background services) before it gives up
    /// (<see cref="HostOptions.ShutdownTimeout"/>). At least <c>Bot:Endpoint:TurnTimeout</c>, so a turn that started
    /// just before the stop can finish. Keep it under the platform's own stop limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
