using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>When the sync is on: a registration id, an https Graph base URL (http only on the loopback, for the stand-in) and an https content link.</summary>
internal sealed class VivaLearningOptionsValidator : IValidateOptions<VivaLearningOptions>
{
    public ValidateOptionsResult Validate(string? name, VivaLearningOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RegistrationId) || options.RegistrationId.Any(c => c is '/' or '?' or '#' or '\'' || char.IsWhiteSpace(c)))
        {
            failures.Add("VivaLearning:RegistrationId must be the learning provider's registration id (no '/', '?', '#', quote or space).");
        }

        if (options.GraphBaseUrl is not { IsAbsoluteUri: true } graph || !(graph.Scheme == Uri.UriSchemeHttps || (graph.Scheme == Uri.UriSchemeHttp && graph.IsLoopback)))
        {
            failures.Add("VivaLearning:GraphBaseUrl must be an absolute https URL (http only on the loopback).");
        }

        if (options.ContentBaseUrl is not { IsAbsoluteUri: true } content || content.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("VivaLearning:ContentBaseUrl must be an absolute https URL (the deep link into the bot).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
