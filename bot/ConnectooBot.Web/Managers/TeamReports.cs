using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Connector;

namespace ConnectooBot.Web.Managers;

/// <summary>
/// A team's progress now: every page of the Teams roster joined with the tenant's learners, read as one paged
/// query (never one storage request per member).
/// </summary>
public sealed class TeamReports(Learning.Catalog.Course course, ILearnerStore learners)
{
    public async Task<TeamProgress> BuildAsync(IConnectorClient connector, TeamRecord team, CancellationToken cancellationToken) =>
        (await BuildForAsync(connector, team, readerId: null, cancellationToken)).Progress;

    /// <summary>
    /// The progress, and the learner record of the person asking (<paramref name="readerId"/>, Entra object id) when
    /// they have one: it comes from the same paged query, so answering in their stored language costs no extra read.
    /// </summary>
    public async Task<(TeamProgress Progress, Learner? Reader)> BuildForAsync(IConnectorClient connector, TeamRecord team, string? readerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(team);
        var roster = new List<TeamMember>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var member in connector.GetAllMembersAsync(team.ServiceUrl, team.TeamId, cancellationToken))
        {
            if ((member.AadObjectId ?? member.ObjectId) is { } userId && ids.Add(userId))
            {
                roster.Add(new TeamMember(userId, member.Name));
            }
        }

        var byUser = new Dictionary<string, Learner>(StringComparer.OrdinalIgnoreCase);
        Learner? reader = null;
        await foreach (var learner in learners.ListAsync(team.TenantId, cancellationToken))
        {
            if (ids.Contains(learner.Key.UserId))
            {
                byUser[learner.Key.UserId] = learner;
            }

            if (readerId is not null && string.Equals(learner.Key.UserId, readerId, StringComparison.OrdinalIgnoreCase))
            {
                reader = learner;
            }
        }

        return (TeamProgress.Compute(course, roster, byUser), reader);
    }
}
