using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Learning.Progress;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Managers;

/// <summary>A team "Guichet" with the bot in its General channel, driven like its members would: install, "@Connectoo …", clicks.</summary>
internal sealed class TeamChannel(BotHost bot, params TeamsUser[] members)
{
    public const string TeamId = "19:guichet@thread.tacv2";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private Learning.Catalog.Course Course => bot.Services.GetRequiredService<Learning.Catalog.Course>();

    /// <summary>The first member installs the bot in the team; returns the introduction the bot posted in the channel.</summary>
    public async Task<CardView> InstallAsync(TeamsUser? installer = null)
    {
        bot.Connector.SetTeam(new TeamDetails(TeamId, "Guichet", null));
        bot.Connector.SetRoster(members.Select(m => new TeamsChannelAccount { Id = m.AccountId, AadObjectId = m.AadObjectId, Name = m.Name }), TeamId);
        var before = bot.Connector.Activities.Count;
        using var response = await bot.PostAsync(bot.Activities.TeamInstall(installer ?? members[0], TeamId, TeamId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Cards(bot.Connector.Activities.Skip(before).Where(a => a.ConversationId == TeamId)).Single();
    }

    /// <summary>"@Connectoo text" in the General channel, mentioning <paramref name="mentions"/>; the cards the bot posted there.</summary>
    public async Task<List<CardView>> SayAsync(TeamsUser user, string text, params TeamsUser[] mentions)
    {
        var activity = bot.Activities.ChannelMention(user, TeamId, TeamId, text + string.Concat(mentions.Select(m => $" <at>{m.Name}</at>")));
        activity.Entities = [.. activity.Entities!, .. mentions.Select(m => new Entity { Type = "mention", Text = $"<at>{m.Name}</at>", Mentioned = new ChannelAccount { Id = m.AccountId, Name = m.Name } })];
        var before = bot.Connector.Activities.Count;
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Cards(bot.Connector.Activities.Skip(before).Where(a => a.ConversationId.StartsWith(TeamId, StringComparison.Ordinal)));
    }

    /// <summary>Clicks a button of a card in the channel (Action.Execute); the card that replaces it.</summary>
    public async Task<CardView> ClickAsync(TeamsUser user, CardView card, string title)
    {
        var button = card.Button(title);
        var activity = bot.Activities.ChannelExecute(user, TeamId, TeamId, "1", button["verb"]!.GetValue<string>(), button["data"]!.AsObject());
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new CardView(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.AsObject());
    }

    /// <summary>The cards the bot sent to someone privately (the chats it opened), oldest first.</summary>
    public List<CardView> PrivateCards() =>
        Cards(bot.Connector.Activities.Where(a => bot.Connector.CreatedConversations.Any(c => c.ConversationId == a.ConversationId)));

    /// <summary>Gives each user a learner record that passed the first <paramref name="modulesPassed"/> modules.</summary>
    public async Task SeedLearnersAsync(IEnumerable<TeamsUser> users, int modulesPassed, string language = "fr")
    {
        foreach (var user in users)
        {
            await SeedAsync(user, language, Passed(CourseProgress.Empty, modulesPassed));
        }
    }

    /// <summary>Stores one learner with the given progress.</summary>
    public async Task SeedAsync(TeamsUser user, string language, CourseProgress progress) =>
        await bot.Services.GetRequiredService<ILearnerStore>().InsertAsync(
            new Learner { Key = new LearnerKey(bot.Activities.TenantId, user.AadObjectId), Language = language, DisplayName = user.Name, FirstSeen = Now, LastActive = Now, Progress = progress },
            CancellationToken.None);

    /// <summary>The first <paramref name="count"/> modules passed (a finished attempt each).</summary>
    public CourseProgress Passed(CourseProgress progress, int count)
    {
        foreach (var module in Course.Modules.Take(count))
        {
            progress = progress.With(progress.Module(module.Id) with
            {
                LessonCompleted = true,
                Attempts = [new QuizAttempt { Number = 1, QuestionIds = ["q"], StartedAt = Now, FinishedAt = Now, ContentVersion = Course.Version, Passed = true }],
            });
        }

        return progress;
    }

    private static List<CardView> Cards(IEnumerable<RecordedActivity> activities) =>
        [.. activities.Where(a => a.Activity.Attachments is { Count: > 0 }).Select(a => new CardView((JsonObject)a.Activity.Attachments![0].Content!))];
}
