using System.Security;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Web.Badges;
using Values = System.Collections.Generic.Dictionary<string, System.Text.Json.Nodes.JsonNode?>;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Badges;

/// <summary>The badge card in the learner's chat and the congratulation posted in a team channel.</summary>
internal sealed class BadgeCards(Learning.Catalog.Course course, CardRenderer renderer, UiContent content)
{
    /// <summary>The learner's badge: image, name, date, module scores, verification and download links (the image, and the
    /// signed credential for a wallet), and sharing.</summary>
    /// <param name="shareNote">A line about sharing (done, already done, nowhere to share), or null.</param>
    /// <param name="teamChoices">Teams to pick from when the learner belongs to several, or null.</param>
    public JsonObject Badge(Learner learner, IssuedBadge badge, string? shareNote = null, IReadOnlyList<LearnerTeam>? teamChoices = null)
    {
        var language = learner.Language;
        var award = badge.Record.Award;
        var name = string.IsNullOrWhiteSpace(award.DisplayName) ? null : award.DisplayName;
        var scores = new JsonArray();
        foreach (var score in award.ModuleScores)
        {
            var title = course.FindModule(score.ModuleId)?.Texts[language].Title ?? score.ModuleId;
            scores.Add(new JsonObject { ["title"] = title, ["value"] = content.Format(language, "badgecard.score", ("score", score.Percent)) });
        }

        var choices = new JsonArray();
        foreach (var team in teamChoices ?? [])
        {
            choices.Add(new JsonObject { ["title"] = team.Name, ["value"] = team.TeamId });
        }

        return renderer.Render("badge", language, new Values
        {
            ["imageUrl"] = badge.ImageUrl,
            ["title"] = name is null ? content.Text(language, "badgecard.titleNoName") : content.Format(language, "badgecard.title", ("name", name)),
            ["holder"] = name ?? "—",
            ["date"] = LocalDates.Format(award.IssuedAt, language),
            ["scores"] = scores,
            ["shareNote"] = shareNote,
            ["teamChoices"] = choices,
            ["offerShare"] = !badge.Record.IsRevoked,
            ["shareLabel"] = content.Text(language, choices.Count > 0 ? "share.pickButton" : "badgecard.share"),
            ["badgeId"] = award.BadgeId,
            ["verifyUrl"] = badge.PageUrl,
            ["downloadUrl"] = badge.BakedImageUrl,
            ["walletUrl"] = badge.WalletUrl,
        });
    }

    /// <summary>
    /// The congratulation for a team channel, with an @mention of the learner (the mention's text appears exactly
    /// in the card text, as Teams requires; the name is XML-escaped).
    /// </summary>
    public JsonObject ChannelPost(string language, IssuedBadge badge, string userAccountId)
    {
        var name = string.IsNullOrWhiteSpace(badge.Record.Award.DisplayName) ? "?" : badge.Record.Award.DisplayName;
        var mention = $"<at>{SecurityElement.Escape(name)}</at>";
        return renderer.Render("badge-post", language, new Values
        {
            ["imageUrl"] = badge.ImageUrl,
            ["text"] = content.Format(language, "share.channel.text", ("mention", mention)),
            ["spoken"] = content.Format(language, "share.channel.text", ("mention", name)),
            ["pageUrl"] = badge.PageUrl,
            ["mentions"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mention,
                ["mentioned"] = new JsonObject { ["id"] = userAccountId, ["name"] = name },
            }),
        });
    }
}
