using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

/// <summary>Cross-field rules: a claim must fit in the visibility window, retry delays must be ordered.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.ClaimDuration >= options.VisibilityTimeout)
        {
            failures.Add("Delivery:VisibilityTimeout must be longer than Delivery:SendTimeout + Delivery:ClaimMargin, so a message does not reappear while it is being sent.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Delivery:RetryMaxDelay must not be shorter than Delivery:RetryBaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
