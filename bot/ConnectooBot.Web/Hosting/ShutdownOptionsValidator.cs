using ConnectooBot.Protocol.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Hosting;

/// <summary>A shutdown shorter than a turn would cut turns off: <c>Hosting:ShutdownTimeout</c> ≥ <c>Bot:Endpoint:TurnTimeout</c>.</summary>
internal sealed class ShutdownOptionsValidator(IOptions<BotEndpointOptions> endpoint) : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var turnTimeout = endpoint.Value.TurnTimeout;
        return options.ShutdownTimeout < turnTimeout
            ? ValidateOptionsResult.Fail(
                $"Hosting:ShutdownTimeout ({options.ShutdownTimeout}) is shorter than Bot:Endpoint:TurnTimeout ({turnTimeout}): a turn in flight at shutdown could be cut off.")
            : ValidateOptionsResult.Success;
    }
}
