using System.Text.Json.Nodes;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Catalog;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;

namespace ConnectooBot.Web.Tests.Cards;

/// <summary>The badge cards as the bot renders them, for a fixed learner and badge (for golden files and SDK checks).</summary>
internal static class BadgeSamples
{
    private const string Base = "https://connectoo.example.be/badges/";
    private const string BadgeId = "0123456789abcdef0123456789abcdef";

    /// <summary>Template name → card, for the badge in the chat (plain, with a team picker) and the channel post.</summary>
    public static IReadOnlyList<(string Name, JsonObject Card)> Cards(UiContent content, Learning.Catalog.Course course, string language)
    {
        var cards = new BadgeCards(course, new CardRenderer(content), content);
        var learner = Learner(language);
        var badge = Badge(course, language);
        LearnerTeam[] teams = [new("19:a@thread.tacv2", "Guichet Namur", "https://smba.example/teams", "19:a@thread.tacv2", "fr-BE"), new("19:b@thread.tacv2", "Back office", "https://smba.example/teams", "19:b@thread.tacv2", null)];
        return
        [
            ("badge", cards.Badge(learner, badge)),
            ("badge-picker", cards.Badge(learner, badge, null, teams)),
            ("badge-shared", cards.Badge(learner, badge, content.Format(language, "share.done", ("team", "Guichet Namur")))),
            ("badge-post", cards.ChannelPost(language, badge, "29:1abc")),
        ];
    }

    private static Learner Learner(string language) => new()
    {
        Key = new LearnerKey("tenant", "user"),
        Language = language,
        DisplayName = "Aïcha Janssens",
        FirstSeen = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
        LastActive = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
    };

    private static IssuedBadge Badge(Learning.Catalog.Course course, string language)
    {
        var award = new BadgeAward
        {
            BadgeId = BadgeId,
            Learner = new LearnerKey("tenant", "user"),
            CourseId = course.Id,
            DisplayName = "Aïcha Janssens",
            Language = language,
            IssuedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
            ModuleScores = [.. course.Modules.Select((m, i) => new ModuleScore(m.Id, 100 - (i % 3 * 5)))],
            ContentVersion = course.Version,
        };
        var record = new BadgeRecord { Award = award, Credential = "header.payload.signature", StatusIndex = 42 };
        return new IssuedBadge(record, Base + BadgeId, Base + "image.png", Base + BadgeId + "/image.png", Base + BadgeId + "/credential", Base + BadgeId + "/verify", Base + BadgeId + "/credential.jwt");
    }
}
