using ConnectooBot.Learning.Teams;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Managers;

/// <summary>
/// "managers", "managers add @name", "managers remove @name" in a team channel. Listing is open to the team; changes
/// are for the team's managers and program administrators. The people are taken from the message's @mentions.
/// Answers are in the sender's stored language (<see cref="SenderLanguage"/>).
/// </summary>
internal sealed class ManagersFlow(TeamRegistry registry, ManagerAccess access, SenderLanguage languages, CardReplies replies, UiContent content, ILogger<ManagersFlow> logger)
{
    public async Task ListAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = await languages.OfSenderAsync(turn.Activity, cancellationToken);
        if (await TeamOfAsync(turn, content.CommandWord(language, "managers"), language, cancellationToken) is not { } team)
        {
            return;
        }

        var text = team.Managers.Count == 0
            ? content.Text(language, "managers.none")
            : content.Format(language, "managers.list", ("names", Names(await NamesAsync(turn, team, language, cancellationToken))));
        await SayAsync(turn, language, text + "\n\n" + content.Text(language, "managers.admins"), cancellationToken);
    }

    public Task AddAsync(TurnContext turn, CancellationToken cancellationToken) => ChangeAsync(turn, add: true, cancellationToken);

    public Task RemoveAsync(TurnContext turn, CancellationToken cancellationToken) => ChangeAsync(turn, add: false, cancellationToken);

    private async Task ChangeAsync(TurnContext turn, bool add, CancellationToken cancellationToken)
    {
        var language = await languages.OfSenderAsync(turn.Activity, cancellationToken);
        var command = content.CommandWord(language, add ? "managers-add" : "managers-remove");
        if (await TeamOfAsync(turn, command, language, cancellationToken) is not { } team)
        {
            return;
        }

        if (!access.CanManage(team, turn.Activity.From?.AadObjectId))
        {
            await SayAsync(turn, language, content.Text(language, "managers.refused"), cancellationToken);
            return;
        }

        var people = await MentionedPeopleAsync(turn, team, cancellationToken);
        if (people.Count == 0)
        {
            await SayAsync(turn, language, content.Text(language, "managers.noMention"), cancellationToken);
            return;
        }

        var changed = new List<TeamManager>();
        await registry.ChangeAsync(team, current =>
        {
            changed.Clear();
            var managers = current.Managers.ToList();
            foreach (var person in people)
            {
                var index = managers.FindIndex(m => string.Equals(m.UserId, person.UserId, StringComparison.OrdinalIgnoreCase));
                if (add && index < 0)
                {
                    managers.Add(person);
                    changed.Add(person);
                }
                else if (!add && index >= 0)
                {
                    managers.RemoveAt(index);
                    changed.Add(person);
                }
            }

            return changed.Count == 0 ? current : current with { Managers = managers };
        }, cancellationToken);

        var text = changed.Count == 0
            ? content.Text(language, "managers.unchanged")
            : content.Format(language, add ? "managers.added" : "managers.removed", ("names", Names(changed.Select(m => m.Name))));
        await SayAsync(turn, language, text, cancellationToken);
    }

    /// <summary>The @mentioned people other than the bot, with their Entra ids (looked up in the team's roster).</summary>
    private async Task<IReadOnlyList<TeamManager>> MentionedPeopleAsync(TurnContext turn, TeamRecord team, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        var people = new List<TeamManager>();
        foreach (var mentioned in (turn.Activity.Entities ?? []).Where(e => e.Type == "mention").Select(e => e.Mentioned).OfType<Protocol.Schema.ChannelAccount>())
        {
            if (mentioned.Id is not { } accountId || string.Equals(accountId, botId, StringComparison.OrdinalIgnoreCase) || people.Any(p => p.AccountId == accountId))
            {
                continue;
            }

            try
            {
                var member = await turn.Connector.GetMemberAsync(team.ServiceUrl, team.TeamId, accountId, cancellationToken);
                if ((member.AadObjectId ?? member.ObjectId) is { } userId)
                {
                    people.Add(new TeamManager(userId, accountId, member.Name ?? mentioned.Name));
                }
            }
            catch (ConnectorException e) when (e.Failure == ConnectorFailure.NotFound)
            {
                Log.TeamLookupFailed(logger, e.Failure); // mentioned someone who is not in this team
            }
        }

        return people;
    }

    private async Task<TeamRecord?> TeamOfAsync(TurnContext turn, string command, string language, CancellationToken cancellationToken)
    {
        if (!TeamsActivity.IsPersonal(turn.Activity) && await registry.FindAsync(turn.Activity, cancellationToken) is { } team)
        {
            return team;
        }

        await SayAsync(turn, language, content.Format(language, "channel.only", ("command", command)), cancellationToken);
        return null;
    }

    private Task SayAsync(TurnContext turn, string language, string text, CancellationToken cancellationToken) =>
        replies.SendAsync(turn, "notice", language, cancellationToken, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["text"] = text });

    /// <summary>
    /// The managers' names as stored; one stored without a name (an installation that carried none) is looked up in the
    /// team's roster, else shown as "(name not available)".
    /// </summary>
    private async Task<List<string>> NamesAsync(TurnContext turn, TeamRecord team, string language, CancellationToken cancellationToken)
    {
        var names = new List<string>(team.Managers.Count);
        foreach (var manager in team.Managers)
        {
            var name = manager.Name;
            if (string.IsNullOrWhiteSpace(name) && manager.AccountId is { } accountId)
            {
                try
                {
                    name = (await turn.Connector.GetMemberAsync(team.ServiceUrl, team.TeamId, accountId, cancellationToken)).Name;
                }
                catch (ConnectorException e)
                {
                    Log.TeamLookupFailed(logger, e.Failure); // gone from the team, throttled, unavailable: the list still answers
                }
            }

            names.Add(string.IsNullOrWhiteSpace(name) ? content.Text(language, "managers.unnamed") : name);
        }

        return names;
    }

    private static string Names(IEnumerable<string?> names) => string.Join(", ", names.Select(n => string.IsNullOrWhiteSpace(n) ? "?" : n));
}
