using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConnectooBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST v3 client (teams-protocol.md §3.2), a typed HttpClient. Its handlers retry
/// (<see cref="ConnectorRetryStrategy"/>) and authorise per attempt, only towards allowed hosts
/// (<see cref="ConnectorAuthorizationHandler"/>); this class builds requests and maps failures to
/// <see cref="ConnectorException"/>.
/// </summary>
public sealed class ConnectorClient(HttpClient httpClient, TimeProvider timeProvider, ILogger<ConnectorClient> logger) : IConnectorClient
{
    /// <summary>Teams treats smaller page sizes as 50 and caps larger ones at 500 (§3.6).</summary>
    public const int MinPageSize = 50;
    public const int MaxPageSize = 500;

    private const int MaxErrorBodyBytes = 64 * 1024;
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.Activities(serviceUrl, conversationId);
        return await SendAsync(HttpMethod.Post, uri, OutboundJson.Activity(activity), ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.Activity(serviceUrl, conversationId, activityId);
        var body = OutboundJson.Activity(activity, replyToId: activityId);
        return await SendAsync(HttpMethod.Post, uri, body, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.Activity(serviceUrl, conversationId, activityId);
        var body = OutboundJson.Activity(activity, id: activityId);
        return await SendAsync(HttpMethod.Put, uri, body, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(activityId);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.Activity(serviceUrl, conversationId, activityId);
        await SendAsync<ResourceResponse>(HttpMethod.Delete, uri, null, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.Conversations(serviceUrl);
        var body = OutboundJson.Conversation(parameters);
        return Required(await SendAsync(HttpMethod.Post, uri, body, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false));
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        int? size = pageSize is { } requested ? Math.Clamp(requested, MinPageSize, MaxPageSize) : null;
        var uri = ConnectorUris.PagedMembers(serviceUrl, conversationId, size, continuationToken);
        return Required(await SendAsync(HttpMethod.Get, uri, null, ProtocolJsonContext.Default.PagedMembersResult, cancellationToken).ConfigureAwait(false));
    }

    public async IAsyncEnumerable<TeamsChannelAccount> GetAllMembersAsync(string serviceUrl, string conversationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A page may repeat members (§3.6): each id is returned once. A repeated token would never end: fail instead.
        var memberIds = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? continuationToken = null;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, MaxPageSize, continuationToken, cancellationToken).ConfigureAwait(false);
            foreach (var member in page.Members ?? [])
            {
                if (member.Id is null || memberIds.Add(member.Id))
                {
                    yield return member;
                }
            }

            continuationToken = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
            if (continuationToken is not null && !tokens.Add(continuationToken))
            {
                throw new ConnectorException(ConnectorFailure.ServiceError, null, null, "The connector repeated a roster continuation token; paging stopped.");
            }
        }
        while (continuationToken is not null);
    }

    public async Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.Member(serviceUrl, conversationId, memberId);
        return Required(await SendAsync(HttpMethod.Get, uri, null, ProtocolJsonContext.Default.TeamsChannelAccount, cancellationToken).ConfigureAwait(false));
    }

    public async Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.Team(serviceUrl, teamId);
        return Required(await SendAsync(HttpMethod.Get, uri, null, ProtocolJsonContext.Default.TeamDetails, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ChannelSummary>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        var uri = ConnectorUris.TeamChannels(serviceUrl, teamId);
        var list = Required(await SendAsync(HttpMethod.Get, uri, null, ProtocolJsonContext.Default.ConversationList, cancellationToken).ConfigureAwait(false));
        return [.. list.Conversations ?? []];
    }

    private static T Required<T>(T? value)
        where T : class =>
        value ?? throw new ConnectorException(ConnectorFailure.Unknown, null, null, "The connector answered with an empty body.");

    private async Task<T?> SendAsync<T>(HttpMethod method, Uri uri, byte[]? body, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonUtf8;
        }

        using var response = await SendOrFailAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        if (responseType is null)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, responseType);
        }
        catch (JsonException exception)
        {
            throw new ConnectorException(ConnectorFailure.Unknown, response.StatusCode, null, "The connector answered with unreadable JSON.", innerException: exception);
        }
    }

    private async Task<HttpResponseMessage> SendOrFailAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            Log.ConnectorUnreachable(logger, request.Method.Method, request.RequestUri?.Host, ConnectorFailure.Timeout, exception);
            throw new ConnectorException(ConnectorFailure.Timeout, null, null, "The connector did not answer in time.", innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            Log.ConnectorUnreachable(logger, request.Method.Method, request.RequestUri?.Host, ConnectorFailure.ServiceError, exception);
            throw new ConnectorException(ConnectorFailure.ServiceError, null, null, "The connector could not be reached.", innerException: exception);
        }
    }

    private async Task<ConnectorException> FailureAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = ConnectorErrorBody.Parse(await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false));
        var failure = ConnectorFailureMapper.Map(response.StatusCode, error.Code);
        var retryAfter = RetryAfterHeader.Read(response, timeProvider);
        if (failure == ConnectorFailure.NotFound)
        {
            Log.ConnectorAnsweredNotFound(logger, request.Method.Method, request.RequestUri?.Host, (int)response.StatusCode, error.Code, failure);
        }
        else
        {
            Log.ConnectorCallFailed(logger, request.Method.Method, request.RequestUri?.Host, (int)response.StatusCode, error.Code, failure);
        }

        var detail = error.Message is { Length: > 300 } text ? text[..300] : error.Message;
        return new ConnectorException(
            failure,
            response.StatusCode,
            error.Code,
            $"The connector answered {(int)response.StatusCode} {error.Code ?? response.ReasonPhrase}: {detail ?? "(no message)"}",
            retryAfter);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxErrorBodyBytes];
                var total = 0;
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return buffer.AsMemory(0, total);
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
    }
}
