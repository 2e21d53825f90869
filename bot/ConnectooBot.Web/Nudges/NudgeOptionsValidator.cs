using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Nudges;

/// <summary>A claim's lease must run out inside the catch-up window, or a nudge whose instance died could never be taken over.</summary>
internal sealed class NudgeOptionsValidator : IValidateOptions<NudgeOptions>
{
    public ValidateOptionsResult Validate(string? name, NudgeOptions options) =>
        options.ClaimLease < options.CatchUpWindow
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Nudges:ClaimLease ({options.ClaimLease}) must be shorter than Nudges:CatchUpWindow ({options.CatchUpWindow}).");
}
