using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// The connector's resilience pipeline, built with Microsoft.Extensions.Http.Resilience (teams-protocol.md §5.2):
/// retry (outer) around a per-attempt timeout (inner).
/// <list type="bullet">
/// <item>Retried: 412, 429, 502, 503, 504, network errors and attempt timeouts. Not 500/501 nor any other 4xx: the
/// library's default predicate (every 5xx, 408) is narrowed.</item>
/// <item>POST is retried too (a 429 on send must be retried), so <c>DisableForUnsafeHttpMethods</c> is not used.</item>
/// <item>Retry-After (seconds or HTTP date) is the delay when present. The library's own Retry-After generator
/// reads HTTP dates against <see cref="TimeProvider.System"/>; ours uses the injected clock and the same parser that
/// decides when a Retry-After exceeds <see cref="ConnectorOptions.MaxRetryDelay"/> — then the call is not retried and
/// fails as Throttled with the RetryAfter, for the caller's queue to re-schedule.</item>
/// <item>Without Retry-After: exponential backoff with jitter from <see cref="ConnectorOptions.BaseRetryDelay"/>,
/// capped at <see cref="ConnectorOptions.MaxRetryDelay"/>.</item>
/// </list>
/// The pipeline runs on the DI <see cref="TimeProvider"/>, so a FakeTimeProvider drives its delays in tests.
/// </summary>
internal static class ConnectorRetryStrategy
{
    public const string PipelineName = "connector";

    private static readonly HashSet<HttpStatusCode> RetriedStatuses =
    [
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static bool IsRetriedStatus(HttpStatusCode status) => RetriedStatuses.Contains(status);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<ConnectorClient>>();
        builder.TimeProvider = timeProvider;

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider, logger)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterHeader.Read(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    Log.ConnectorRetrying(
                        logger,
                        HostOf(args.Context),
                        (int?)args.Outcome.Result?.StatusCode,
                        args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.Timeout });
    }

    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome,
        ResilienceContext context,
        ConnectorOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        if (outcome.Exception is not null)
        {
            // Network failures and our own attempt timeout; never the caller's cancellation, never a refused host.
            return !context.CancellationToken.IsCancellationRequested
                && outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        if (outcome.Result is not { } response || !IsRetriedStatus(response.StatusCode))
        {
            return false;
        }

        if (RetryAfterHeader.Read(response, timeProvider) is { } retryAfter && retryAfter > options.MaxRetryDelay)
        {
            Log.ConnectorRetryAfterTooLong(logger, HostOf(context), retryAfter, options.MaxRetryDelay);
            return false;
        }

        return true;
    }

    private static string? HostOf(ResilienceContext context) => context.GetRequestMessage()?.RequestUri?.Host;
}
