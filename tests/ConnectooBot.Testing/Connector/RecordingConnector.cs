using System.Net;
using System.Text;
using System.Text.Json;
using ConnectooBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Testing.Connector;

/// <summary>
/// A fake Bot Connector on a real loopback HTTP server (Kestrel on 127.0.0.1, a free port). Put
/// <see cref="ServiceUrl"/> in test activities; everything the bot sends is recorded in <see cref="Requests"/>
/// (every request, headers included) and <see cref="Activities"/> (what was delivered). It can fail on demand
/// (<see cref="FailNext(int, int, string?)"/>), throttle (<see cref="Throttle"/>) and enforce a rate limit
/// (<see cref="LimitRate"/>). Await <see cref="WaitForActivitiesAsync"/> instead of polling.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    /// <summary>The path of <see cref="ServiceUrl"/>, like Teams' regional <c>/amer/</c>, <c>/emea/</c>.</summary>
    public const string ServicePath = "/teams";

    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedActivity> _activities = [];
    private readonly List<CreatedConversation> _conversations = [];
    private readonly List<Waiter> _waiters = [];
    private readonly ConnectorBehaviour _behaviour = new();
    private readonly FaultSchedule _faults;
    private int _disposed;

    private RecordingConnector(WebApplication app, TimeProvider timeProvider)
    {
        _app = app;
        _timeProvider = timeProvider;
        _started = timeProvider.GetTimestamp();
        _faults = new FaultSchedule(timeProvider);
    }

    /// <summary><c>http://127.0.0.1:{port}/teams/</c>: the serviceUrl to put in test activities.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Activities delivered (sent, replied, updated, or sent with a new conversation), in order; failed attempts excluded.</summary>
    public IReadOnlyList<RecordedActivity> Activities
    {
        get
        {
            lock (_gate)
            {
                return [.. _activities];
            }
        }
    }

    /// <summary>The card of the latest activity delivered to a conversation that carries one (what the user sees last), or null.</summary>
    public System.Text.Json.Nodes.JsonObject? LastCardIn(string conversationId)
    {
        lock (_gate)
        {
            for (var i = _activities.Count - 1; i >= 0; i--)
            {
                if (_activities[i].ConversationId == conversationId
                    && _activities[i].Activity.Attachments?.FirstOrDefault(a => a.ContentType == ContentTypes.AdaptiveCard)?.Content is System.Text.Json.Nodes.JsonObject card)
                {
                    return card;
                }
            }
        }

        return null;
    }

    /// <summary>Conversations created through <c>POST /v3/conversations</c>.</summary>
    public IReadOnlyList<CreatedConversation> CreatedConversations
    {
        get
        {
            lock (_gate)
            {
                return [.. _conversations];
            }
        }
    }

    /// <summary>Forces the <c>pagedmembers</c> page size; unset, the requested size clamped to 50..500 as Teams does.</summary>
    public int? RosterPageSize
    {
        get => _behaviour.RosterPageSize;
        set => _behaviour.RosterPageSize = value;
    }

    /// <summary>Starts a connector on a free loopback port. <paramref name="timeProvider"/> times requests and the rate limit.</summary>
    public static async Task<RecordingConnector> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new RecordingConnector(app, timeProvider ?? TimeProvider.System);
        app.Run(connector.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        connector.ServiceUrl = $"{address.TrimEnd('/')}{ServicePath}/";
        return connector;
    }

    /// <summary>The members every conversation (or only <paramref name="conversationId"/>, a team or chat id) returns.</summary>
    public void SetRoster(IEnumerable<TeamsChannelAccount> members, string? conversationId = null) =>
        _behaviour.SetRoster(members, conversationId);

    /// <summary>Details and channels of one team; unknown teams answer a "Test team" with only General (id = team id).</summary>
    public void SetTeam(TeamDetails team, params IEnumerable<ChannelSummary> channels) => _behaviour.SetTeam(team, channels);

    /// <summary>The next <paramref name="times"/> requests get <paramref name="statusCode"/> with a Teams error body.</summary>
    public void FailNext(int times, int statusCode, string? errorCode = null) =>
        _faults.Add(times, ConnectorFault.Error(statusCode, errorCode), null);

    /// <summary>The next <paramref name="times"/> requests (matching <paramref name="when"/>, if given) get <paramref name="fault"/>.</summary>
    public void FailNext(int times, ConnectorFault fault, Func<RecordedRequest, bool>? when = null) => _faults.Add(times, fault, when);

    /// <summary>The next <paramref name="times"/> requests get 429 with <c>Retry-After</c> in whole seconds.</summary>
    public void Throttle(TimeSpan retryAfter, int times = 1) => _faults.Add(times, ConnectorFault.Throttled(retryAfter), null);

    /// <summary>Beyond <paramref name="requestsPerSecond"/> in any one-second window, answer 429 with <c>Retry-After: 1</c>; null turns it off.</summary>
    public void LimitRate(int? requestsPerSecond) => _faults.LimitRate(requestsPerSecond);

    /// <summary>Forgets what was recorded and any faults still pending (rosters and teams stay).</summary>
    public void Clear()
    {
        _faults.Clear();
        lock (_gate)
        {
            _requests.Clear();
            _activities.Clear();
            _conversations.Clear();
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> activities were delivered; a <see cref="TimeoutException"/> says what came.</summary>
    public Task<IReadOnlyList<RecordedActivity>> WaitForActivitiesAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitAsync<RecordedActivity>(() => _activities.Count >= count ? [.. _activities] : null, $"{count} activities", timeout, cancellationToken);

    /// <summary>Completes once at least <paramref name="count"/> requests arrived (failed ones included).</summary>
    public Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitAsync<RecordedRequest>(() => _requests.Count >= count ? [.. _requests] : null, $"{count} requests", timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = _timeProvider.GetElapsedTime(_started);
        var request = context.Request;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        body = body.Length == 0 ? null : body;
        var path = PathSegments(rawTarget);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var activity = request.Method is "POST" or "PUT" && path.Contains("activities") ? ParseActivity(body) : null;
        var recorded = new RecordedRequest(request.Method, "/" + string.Join('/', path), rawTarget, query, headers, body, activity, 0, received);

        var fault = _faults.Next(recorded);
        var reply = fault is not null
            ? ConnectorReply.Fault(fault)
            : _behaviour.Handle(request.Method, path, query, activity, body);
        Record(recorded with { StatusCode = reply.StatusCode }, reply);

        if (fault?.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, _timeProvider, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up
            }
        }

        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        if (fault?.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        if (reply.Json is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(reply.Json, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private void Record(RecordedRequest request, ConnectorReply reply)
    {
        List<Waiter> satisfied;
        lock (_gate)
        {
            _requests.Add(request);
            if (reply.Activity is not null)
            {
                _activities.Add(reply.Activity);
            }

            if (reply.Conversation is not null)
            {
                _conversations.Add(reply.Conversation);
            }

            satisfied = [.. _waiters.Where(w => w.TryComplete())];
            _waiters.RemoveAll(satisfied.Contains);
        }
    }

    private async Task<IReadOnlyList<T>> WaitAsync<T>(Func<IReadOnlyList<T>?> check, string what, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<IReadOnlyList<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (check() is { } already)
            {
                return already;
            }

            _waiters.Add(new Waiter(() => check() is { } result && completion.TrySetResult(result)));
        }

        var limit = timeout ?? DefaultWaitTimeout;
        try
        {
            return await completion.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var seen = string.Join("; ", Requests.Select(r => r.ToString()));
            throw new TimeoutException($"The recording connector did not get {what} within {limit}. Requests so far: [{seen}]");
        }
    }

    /// <summary>The decoded path segments after <see cref="ServicePath"/>, split before decoding so escaped '/' stays inside an id.</summary>
    private static string[] PathSegments(string rawTarget)
    {
        var path = rawTarget.Split('?', 2)[0];
        if (path.StartsWith(ServicePath + "/", StringComparison.Ordinal))
        {
            path = path[ServicePath.Length..];
        }

        return [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
    }

    private static Activity? ParseActivity(string? body)
    {
        try
        {
            return body is null ? null : JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Waiter(Func<bool> TryComplete);
}
