using ConnectooBot.Learning.Conversations;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Finds the teams where the bot is installed and a given user is a member: the bot's active channel conversations
/// of the tenant, one per team (the most recently seen channel), each checked with one member lookup.
/// </summary>
internal sealed class LearnerTeams(IConversationStore conversations, ILogger<LearnerTeams> logger)
{
    /// <summary>At most this many teams are checked, so one click stays a bounded amount of work.</summary>
    public const int MaxTeams = 20;

    public async Task<IReadOnlyList<LearnerTeam>> FindAsync(IConnectorClient connector, string tenantId, string userAccountId, CancellationToken cancellationToken)
    {
        var latestPerTeam = new Dictionary<string, ConversationRecord>(StringComparer.Ordinal);
        await foreach (var record in conversations.ListAsync(tenantId, cancellationToken))
        {
            if (record is { Kind: ConversationKind.Channel, Active: true, TeamId: { } teamId }
                && (!latestPerTeam.TryGetValue(teamId, out var known) || known.UpdatedAt < record.UpdatedAt))
            {
                latestPerTeam[teamId] = record;
            }
        }

        var teams = new List<LearnerTeam>();
        foreach (var record in latestPerTeam.Values.OrderByDescending(r => r.UpdatedAt).Take(MaxTeams))
        {
            if (await ResolveAsync(connector, record, userAccountId, cancellationToken) is { } team)
            {
                teams.Add(team);
            }
        }

        return teams;
    }

    private async Task<LearnerTeam?> ResolveAsync(IConnectorClient connector, ConversationRecord record, string userAccountId, CancellationToken cancellationToken)
    {
        var teamId = record.TeamId!;
        try
        {
            await connector.GetMemberAsync(record.ServiceUrl, teamId, userAccountId, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.NotFound)
        {
            return null; // not a member of this team
        }
        catch (ConnectorException e)
        {
            Log.TeamLookupFailed(logger, e.Failure);
            return null;
        }

        string name;
        try
        {
            name = (await connector.GetTeamDetailsAsync(record.ServiceUrl, teamId, cancellationToken)).Name ?? teamId;
        }
        catch (ConnectorException e)
        {
            Log.TeamLookupFailed(logger, e.Failure);
            name = teamId;
        }

        return new LearnerTeam(teamId, name, record.ServiceUrl, record.ChannelId ?? teamId, record.Locale);
    }
}
