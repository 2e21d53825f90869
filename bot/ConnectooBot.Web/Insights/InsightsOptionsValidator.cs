using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Insights;

/// <summary>The rollup period must be whole seconds (its lease ends a little before the next period) and within the allowed range.</summary>
internal sealed class InsightsOptionsValidator : IValidateOptions<InsightsOptions>
{
    public ValidateOptionsResult Validate(string? name, InsightsOptions options) =>
        options.RollupInterval < TimeSpan.FromMinutes(1) || options.RollupInterval > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail($"Insights:RollupInterval ({options.RollupInterval}) must be between 00:01:00 and 1.00:00:00.")
            : options.RollupInterval.Ticks % TimeSpan.TicksPerSecond != 0
                ? ValidateOptionsResult.Fail($"Insights:RollupInterval ({options.RollupInterval}) must be whole seconds.")
                : ValidateOptionsResult.Success;
}
