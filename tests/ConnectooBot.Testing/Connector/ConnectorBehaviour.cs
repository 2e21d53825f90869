using System.Globalization;
using System.Text.Json;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Testing.Connector;

/// <summary>
/// The connector endpoints the bot uses (teams-protocol.md §3.2), answered like Teams would: new ids for sends and
/// conversations, paged rosters (page size clamped 50..500 unless the test forces one), single members, team details
/// and channels.
/// </summary>
internal sealed class ConnectorBehaviour
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<TeamsChannelAccount>> _rosters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TeamDetails Details, IReadOnlyList<ChannelSummary> Channels)> _teams = new(StringComparer.Ordinal);
    private IReadOnlyList<TeamsChannelAccount> _defaultRoster = [];
    private long _nextActivityId = 1_700_000_000_000;
    private int _nextConversation;

    /// <summary>Forces the page size of <c>pagedmembers</c>; unset, the requested size clamped to 50..500 (500 when none).</summary>
    public int? RosterPageSize { get; set; }

    public void SetRoster(IEnumerable<TeamsChannelAccount> members, string? conversationId)
    {
        IReadOnlyList<TeamsChannelAccount> roster = [.. members];
        lock (_gate)
        {
            if (conversationId is null)
            {
                _defaultRoster = roster;
            }
            else
            {
                _rosters[conversationId] = roster;
            }
        }
    }

    public void SetTeam(TeamDetails team, IEnumerable<ChannelSummary> channels)
    {
        ArgumentNullException.ThrowIfNull(team?.Id);
        lock (_gate)
        {
            _teams[team.Id] = (team, [.. channels]);
        }
    }

    public ConnectorReply Handle(string method, IReadOnlyList<string> path, IReadOnlyDictionary<string, string> query, Activity? activity, string? body)
    {
        if (path is not ["v3", ..])
        {
            return ConnectorReply.Error(404, "UnknownEndpoint");
        }

        return (method, path.Skip(1).ToArray()) switch
        {
            ("POST", ["conversations"]) => CreateConversation(body),
            ("POST", ["conversations", var c, "activities"]) => Deliver(ActivityOperation.Send, c, NextActivityId(), activity, 201),
            ("POST", ["conversations", var c, "activities", _]) => Deliver(ActivityOperation.Reply, c, NextActivityId(), activity, 201),
            ("PUT", ["conversations", var c, "activities", var a]) => Deliver(ActivityOperation.Update, c, a, activity, 200),
            ("DELETE", ["conversations", _, "activities", _]) => new ConnectorReply(200, null),
            ("GET", ["conversations", var c, "pagedmembers"]) => PagedMembers(c, query),
            ("GET", ["conversations", var c, "members"]) => Json(200, Roster(c).ToArray()),
            ("GET", ["conversations", var c, "members", var m]) => Member(c, m),
            ("GET", ["teams", var t]) => Json(200, Team(t).Details, ProtocolJsonContext.Default.TeamDetails),
            ("GET", ["teams", var t, "conversations"]) => Json(200, new ConversationList { Conversations = [.. Team(t).Channels] }, ProtocolJsonContext.Default.ConversationList),
            _ => ConnectorReply.Error(404, "UnknownEndpoint"),
        };
    }

    private ConnectorReply Deliver(ActivityOperation operation, string conversationId, string activityId, Activity? activity, int status)
    {
        if (activity is null)
        {
            return ConnectorReply.Error(400, "BadSyntax");
        }

        var reply = Json(status, new ResourceResponse(activityId), ProtocolJsonContext.Default.ResourceResponse);
        return reply with { Activity = new RecordedActivity(operation, conversationId, activityId, activity) };
    }

    private ConnectorReply CreateConversation(string? body)
    {
        var parameters = Parse(body, ProtocolJsonContext.Default.ConversationParameters);
        if (parameters is null || string.IsNullOrEmpty(parameters.TenantId))
        {
            return ConnectorReply.Error(400, "BadArgument");
        }

        var activityId = parameters.Activity is null ? null : NextActivityId();
        var channelId = parameters.ChannelData?.Channel?.Id;
        var conversationId = channelId is not null
            ? $"{channelId};messageid={activityId ?? NextActivityId()}"
            : $"a:recording-{Interlocked.Increment(ref _nextConversation)}";
        var created = new CreatedConversation(parameters, conversationId, activityId);
        var reply = Json(201, new ConversationResourceResponse(conversationId, activityId, null), ProtocolJsonContext.Default.ConversationResourceResponse);
        return reply with
        {
            Conversation = created,
            Activity = parameters.Activity is null || activityId is null
                ? null
                : new RecordedActivity(ActivityOperation.CreateConversation, conversationId, activityId, parameters.Activity),
        };
    }

    private ConnectorReply PagedMembers(string conversationId, IReadOnlyDictionary<string, string> query)
    {
        var requested = query.TryGetValue("pageSize", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var size) ? size : 500;
        var pageSize = RosterPageSize ?? Math.Clamp(requested, 50, 500);
        var offset = 0;
        if (query.TryGetValue("continuationToken", out var token) && !ContinuationToken.TryRead(token, out offset))
        {
            return ConnectorReply.Error(400, "BadArgument");
        }

        var roster = Roster(conversationId);
        var page = roster.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        var result = new PagedMembersResult
        {
            Members = page,
            ContinuationToken = next < roster.Count ? ContinuationToken.Write(next) : null,
        };
        return Json(200, result, ProtocolJsonContext.Default.PagedMembersResult);
    }

    private ConnectorReply Member(string conversationId, string memberId)
    {
        var member = Roster(conversationId).FirstOrDefault(m =>
            string.Equals(m.Id, memberId, StringComparison.Ordinal)
            || string.Equals(m.EntraObjectId, memberId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.UserPrincipalName, memberId, StringComparison.OrdinalIgnoreCase));
        return member is null
            ? ConnectorReply.Error(404, "MemberNotFoundInConversation")
            : Json(200, member, ProtocolJsonContext.Default.TeamsChannelAccount);
    }

    private IReadOnlyList<TeamsChannelAccount> Roster(string conversationId)
    {
        lock (_gate)
        {
            return _rosters.TryGetValue(conversationId, out var roster) ? roster : _defaultRoster;
        }
    }

    /// <summary>A configured team, or by default one whose only channel is General (id = team id, name null).</summary>
    private (TeamDetails Details, IReadOnlyList<ChannelSummary> Channels) Team(string teamId)
    {
        lock (_gate)
        {
            return _teams.TryGetValue(teamId, out var team)
                ? team
                : (new TeamDetails(teamId, "Test team", null), [new ChannelSummary(teamId, null)]);
        }
    }

    private string NextActivityId() => Interlocked.Increment(ref _nextActivityId).ToString(CultureInfo.InvariantCulture);

    private static ConnectorReply Json<T>(int status, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        new(status, JsonSerializer.Serialize(value, typeInfo));

    private static ConnectorReply Json(int status, TeamsChannelAccount[] members) =>
        new(status, "[" + string.Join(',', members.Select(m => JsonSerializer.Serialize(m, ProtocolJsonContext.Default.TeamsChannelAccount))) + "]");

    private static T? Parse<T>(string? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return string.IsNullOrEmpty(body) ? null : JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
