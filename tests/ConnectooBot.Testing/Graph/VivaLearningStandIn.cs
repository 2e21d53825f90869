using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Testing.Graph;

/// <summary>
/// A local stand-in for the Viva Learning part of Microsoft Graph v1.0 (Kestrel on 127.0.0.1, a free port). It checks
/// each request as the documentation describes it — method and path, <c>Authorization: Bearer</c> with the expected
/// token (401 otherwise), <c>Content-Type: application/json</c> on a body (415), the registration id (400), the body
/// against <see cref="VivaLearningShapes"/> (400 with the violations) — keeps the contents and course activities it
/// accepted, answers as documented (PATCH content: 202 with the content; POST activity: 201 with it; GET by external
/// id: 200 or 404; GET content by external id: 200 or 404; PATCH/DELETE activity: 204 or 404), and can answer the next requests with 429/503 and Retry-After.
/// Every request is recorded (<see cref="Requests"/>), with its violations.
/// </summary>
public sealed partial class VivaLearningStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _contents = new(StringComparer.Ordinal); // by externalId
    private readonly ConcurrentDictionary<string, JsonObject> _activities = new(StringComparer.Ordinal); // by id
    private readonly ConcurrentQueue<(int Status, TimeSpan RetryAfter, string? Method, bool Processed)> _faults = new();
    private readonly Lock _gate = new();

    private VivaLearningStandIn(WebApplication app, string registrationId, string token)
    {
        _app = app;
        RegistrationId = registrationId;
        Token = token;
    }

    public string RegistrationId { get; }

    /// <summary>The bearer token every request must carry.</summary>
    public string Token { get; }

    /// <summary><c>http://127.0.0.1:{port}/v1.0</c>: the Graph base URL to configure.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<GraphRequest> Requests => [.. _requests];

    /// <summary>When set, a content upsert answers 202 with no body (the documentation shows one; a client must not depend on it).</summary>
    public bool ContentUpsertWithoutBody { get; set; }

    /// <summary>Every violation of the documented shapes seen so far (the tests expect none).</summary>
    public IReadOnlyList<string> Violations => [.. _requests.SelectMany(r => r.Violations.Select(v => $"{r.Method} {r.Path}: {v}"))];

    public IReadOnlyCollection<JsonObject> Contents => [.. _contents.Values];

    public IReadOnlyCollection<JsonObject> Activities => [.. _activities.Values];

    public static async Task<VivaLearningStandIn> StartAsync(string registrationId, string token)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new VivaLearningStandIn(app, registrationId, token);
        app.Run(standIn.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        standIn.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/v1.0");
        return standIn;
    }

    /// <summary>The next <paramref name="times"/> requests (of <paramref name="method"/> only, if given) get <paramref name="status"/> with <c>Retry-After</c>.</summary>
    public void FailNext(int times, int status, TimeSpan retryAfter, string? method = null)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue((status, retryAfter, method, false));
        }
    }

    /// <summary>The next request of <paramref name="method"/> is carried out, but answered <paramref name="status"/> (a gateway timeout after the work was done).</summary>
    public void FailNextAfterProcessing(string method, int status) => _faults.Enqueue((status, TimeSpan.Zero, method, true));

    /// <summary>Clears the record of requests (the stored resources stay).</summary>
    public void ClearRequests() => _requests.Clear();

    private async Task HandleAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var violations = new List<string>();
        var (status, body) = await AnswerAsync(context, path, violations).ConfigureAwait(false);
        _requests.Enqueue(new GraphRequest(request.Method, path, status, violations, at, context.Items["body"] as string));
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
        }
    }

    private async Task<(int Status, JsonObject? Body)> AnswerAsync(HttpContext context, string path, List<string> violations)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            violations.Add("no Authorization: Bearer header with the expected token");
            return (401, Error("InvalidAuthenticationToken", "Access token is empty or invalid."));
        }

        var fault = TakeFault(request.Method);
        if (fault is { Processed: false })
        {
            context.Response.Headers.RetryAfter = ((int)fault.Value.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return (fault.Value.Status, Error(fault.Value.Status == 429 ? "TooManyRequests" : "ServiceUnavailable", $"Retry after {(int)fault.Value.RetryAfter.TotalSeconds} seconds"));
        }

        var answer = await CarryOutAsync(context, path, violations).ConfigureAwait(false);
        return fault is { Processed: true } done ? (done.Status, Error("GatewayTimeout", "The request timed out.")) : answer;
    }

    private async Task<(int Status, JsonObject? Body)> CarryOutAsync(HttpContext context, string path, List<string> violations)
    {
        var request = context.Request;

        JsonObject? body = null;
        if (HttpMethods.IsPatch(request.Method) || HttpMethods.IsPost(request.Method))
        {
            if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"Content-Type is '{request.ContentType}', expected application/json");
                return (415, Error("UnsupportedMediaType", "Content-Type must be application/json."));
            }

            try
            {
                body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false) as JsonObject;
            }
            catch (JsonException)
            {
            }

            context.Items["body"] = body?.ToJsonString();
            if (body is null)
            {
                violations.Add("the body is not a JSON object");
                return (400, Error("BadRequest", "The body is not a JSON object."));
            }
        }

        if (ContentPath().Match(path) is { Success: true } content && HttpMethods.IsPatch(request.Method))
        {
            return Provider(content, violations) ?? UpsertContent(content.Groups["external"].Value, body!, violations);
        }

        if (ContentPath().Match(path) is { Success: true } contentToRead && HttpMethods.IsGet(request.Method))
        {
            return Provider(contentToRead, violations)
                ?? (_contents.TryGetValue(contentToRead.Groups["external"].Value, out var stored)
                    ? (200, Entity(stored))
                    : (404, Error("NotFound", "The requested learning content doesn't exist.")));
        }

        if (ActivitiesPath().Match(path) is { Success: true } activities && HttpMethods.IsPost(request.Method))
        {
            return Provider(activities, violations) ?? CreateActivity(body!, violations);
        }

        if (ActivityByExternalIdPath().Match(path) is { Success: true } byExternal && HttpMethods.IsGet(request.Method))
        {
            if (Provider(byExternal, violations) is { } refused)
            {
                return refused;
            }

            var external = byExternal.Groups["external"].Value;
            var found = _activities.Values.FirstOrDefault(a => ExternalId(a) == external);
            return found is null ? (404, Error("NotFound", $"The requested course activity {external} doesn't exist.")) : (200, Entity(found));
        }

        if (ActivityPath().Match(path) is { Success: true } activity)
        {
            if (Provider(activity, violations) is { } refused)
            {
                return refused;
            }

            var id = activity.Groups["id"].Value;
            if (HttpMethods.IsPatch(request.Method))
            {
                return UpdateActivity(id, body!, violations);
            }

            if (HttpMethods.IsDelete(request.Method))
            {
                return _activities.TryRemove(id, out _) ? (204, null) : (404, Error("NotFound", $"The requested assignment {id} doesn't exist."));
            }
        }

        violations.Add("no such Viva Learning operation in Graph v1.0");
        return (405, Error("MethodNotAllowed", "This method isn't supported for this entity type."));
    }

    private (int, JsonObject?)? Provider(Match match, List<string> violations)
    {
        if (match.Groups["provider"].Value == RegistrationId)
        {
            return null;
        }

        violations.Add($"registration id '{match.Groups["provider"].Value}' is not the provider's");
        return (400, Error("BadRequest", "Make sure the registrationId you entered is valid or registered for your tenant"));
    }

    private (int, JsonObject?) UpsertContent(string externalId, JsonObject body, List<string> violations)
    {
        violations.AddRange(VivaLearningShapes.Content(body, externalId));
        if (violations.Count > 0)
        {
            return (400, Error("badRequest", string.Join("; ", violations)));
        }

        lock (_gate)
        {
            var id = _contents.TryGetValue(externalId, out var existing) ? existing["id"]!.GetValue<string>() : Guid.NewGuid().ToString();
            var stored = (JsonObject)body.DeepClone();
            stored.Remove("@odata.type");
            stored["id"] = id;
            _contents[externalId] = stored;
            if (ContentUpsertWithoutBody)
            {
                return (202, null);
            }

            var answer = Entity(stored);
            answer["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#learningProviders('{RegistrationId}')/learningContents/$entity";
            return (202, answer);
        }
    }

    private (int, JsonObject?) CreateActivity(JsonObject body, List<string> violations)
    {
        violations.AddRange(VivaLearningShapes.CreateSelfInitiated(body));
        if (body["learningProviderId"]?.GetValue<string>() is { } provider && provider != RegistrationId)
        {
            violations.Add("learningProviderId is not the registration id in the path");
        }

        var contentId = body["learningContentId"]?.GetValue<string>();
        if (contentId is not null && !_contents.Values.Any(c => c["id"]!.GetValue<string>() == contentId))
        {
            violations.Add($"learningContentId '{contentId}' is no content of this provider");
            return (403, Error("Forbidden", "The provider is not valid to create course activity for the given learning content"));
        }

        if (violations.Count > 0)
        {
            return (400, Error("badRequest", string.Join("; ", violations)));
        }

        var stored = (JsonObject)body.DeepClone();
        var learner = body["learnerUserId"]!.GetValue<string>();
        var id = $"{learner}:{Guid.NewGuid()}";
        stored["id"] = id;
        stored["learningProviderId"] = RegistrationId;
        _activities[id] = stored;
        return (201, Entity(stored));
    }

    private (int, JsonObject?) UpdateActivity(string id, JsonObject body, List<string> violations)
    {
        violations.AddRange(VivaLearningShapes.UpdateSelfInitiated(body));
        if (violations.Count > 0)
        {
            return (400, Error("badRequest", string.Join("; ", violations)));
        }

        lock (_gate)
        {
            if (!_activities.TryGetValue(id, out var stored))
            {
                return (404, Error("NotFound", $"The requested assignment {id} doesn't exist."));
            }

            foreach (var (name, value) in body)
            {
                stored[name] = value?.DeepClone();
            }

            return (204, null);
        }
    }

    private (int Status, TimeSpan RetryAfter, string? Method, bool Processed)? TakeFault(string method)
    {
        lock (_gate)
        {
            if (_faults.TryPeek(out var fault) && (fault.Method is null || fault.Method == method))
            {
                _faults.TryDequeue(out _);
                return fault;
            }

            return null;
        }
    }

    /// <summary>The provider's external id of an activity, under either documented spelling.</summary>
    public static string? ExternalId(JsonObject activity) =>
        (activity["externalcourseActivityId"] ?? activity["externalCourseActivityId"])?.GetValue<string>();

    private static JsonObject Entity(JsonObject stored) => (JsonObject)stored.DeepClone();

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    [GeneratedRegex(@"^/v1\.0/employeeExperience/learningProviders/(?<provider>[^/]+)/learningContents\(externalId='(?<external>[^']+)'\)$")]
    private static partial Regex ContentPath();

    [GeneratedRegex(@"^/v1\.0/employeeExperience/learningProviders/(?<provider>[^/]+)/learningCourseActivities$")]
    private static partial Regex ActivitiesPath();

    // The SDK quotes the key (…(externalcourseActivityId='…')); the documentation's example does not: both are accepted.
    [GeneratedRegex(@"^/v1\.0/employeeExperience/learningProviders/(?<provider>[^/]+)/learningCourseActivities\(externalcourseActivityId='?(?<external>[^')]+)'?\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ActivityByExternalIdPath();

    [GeneratedRegex(@"^/v1\.0/employeeExperience/learningProviders/(?<provider>[^/]+)/learningCourseActivities/(?<id>[^/]+)$")]
    private static partial Regex ActivityPath();
}
