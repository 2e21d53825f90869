using System.Net;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Conversations;

namespace ConnectooBot.Web.Tests.Hosting;

/// <summary>
/// Identifiers become Table Storage keys (base64url, 4/3 of their UTF-8 bytes, at most 1 KiB = 512 characters): one
/// too long for that, or an aadObjectId that is not a GUID, is refused with 400 before any storage call (on Azurite).
/// </summary>
public sealed class BoundedIdentifierTests() : BotTest(azurite: true)
{
    private static readonly string Long = new('x', 600);

    public static TheoryData<string> OverLongFields() =>
    [
        "conversation.id", "from.id (no aadObjectId)", "recipient.id", "id", "replyToId", "conversation.tenantId",
        "channelData.team.id", "channelData.channel.id",
    ];

    private Activity Shaped(string field, TeamsUser user)
    {
        var activity = field.StartsWith("channelData", StringComparison.Ordinal)
            ? Bot.Activities.TeamInstall(user, "19:bounded@thread.tacv2", "19:bounded@thread.tacv2")
            : Bot.Activities.PersonalMessage(user, "a:" + Guid.NewGuid().ToString("N"), "help");
        switch (field)
        {
            case "conversation.id": activity.Conversation!.Id = "a:" + Long; break;
            case "from.id (no aadObjectId)": activity.From = new ChannelAccount { Id = "29:" + Long, Name = user.Name }; break;
            case "recipient.id": activity.Recipient!.Id = "28:" + Long; break;
            case "id": activity.Id = Long; break;
            case "replyToId": activity.ReplyToId = Long; break;
            case "conversation.tenantId": activity.Conversation!.TenantId = Long; activity.ChannelData!.Tenant!.Id = Long; break;
            case "channelData.team.id": activity.ChannelData!.Team!.Id = "19:" + Long; break;
            case "channelData.channel.id": activity.ChannelData!.Channel = new ChannelInfo { Id = "19:" + Long }; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }

        return activity;
    }

    [Fact]
    public async Task AadObjectIdThatIsNotAGuid_Is400_BeforeAnyStorageCall()
    {
        // Before: a 900-character aadObjectId reached Table Storage and failed there with 400 InvalidInput.
        var user = TeamsUser.Create("Long") with { AadObjectId = new string('a', 900) };
        await Bot.QuietStorageAsync();

        using var response = await Bot.PostAsync(Bot.Activities.PersonalMessage(user, "a:" + Guid.NewGuid().ToString("N"), "help"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Bot.StorageRequests.Total == 0, string.Join(", ", Bot.StorageRequests.Snapshot()));
        Assert.Empty(Bot.Connector.Requests);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("{6f9619ff-8b86-d011-b42d-00cf4fc964ff}")]
    [InlineData("6f9619ff8b86d011b42d00cf4fc964ff")]
    public async Task AadObjectIdInAnyOtherShape_Is400(string aadObjectId)
    {
        var user = TeamsUser.Create("Odd") with { AadObjectId = aadObjectId };

        using var response = await Bot.PostAsync(Bot.Activities.PersonalMessage(user, "a:" + Guid.NewGuid().ToString("N"), "help"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ConversationIdOf1002Characters_Is400_BeforeAnyStorageCall()
    {
        // Before: it reached Table Storage (the old limit was 1,024 characters) and failed there with 400 InvalidInput.
        var activity = Bot.Activities.PersonalMessage(TeamsUser.Create("Wide"), "a:" + new string('y', 1000), "help");
        await Bot.QuietStorageAsync();

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Bot.StorageRequests.Total == 0, string.Join(", ", Bot.StorageRequests.Snapshot()));
    }

    [Theory]
    [MemberData(nameof(OverLongFields))]
    public async Task IdentifierTooLongForATableKey_Is400_BeforeAnyStorageCall(string field)
    {
        var activity = Shaped(field, TeamsUser.Create("Field"));
        await Bot.QuietStorageAsync();

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Bot.StorageRequests.Total == 0, string.Join(", ", Bot.StorageRequests.Snapshot()));
    }

    [Theory]
    [InlineData("locale")]
    [InlineData("localTimezone")]
    [InlineData("entities[].timezone")]
    public async Task LocaleOrTimeZoneTooLongToStore_Is400(string field)
    {
        // Found by the fuzz run on Azurite: these are stored with the learner and the conversation (64 KiB per property).
        var activity = Bot.Activities.PersonalMessage(TeamsUser.Create("Zoned"), "a:" + Guid.NewGuid().ToString("N"), "help");
        var huge = new string('z', 40_000);
        _ = field switch
        {
            "locale" => activity.Locale = huge,
            "localTimezone" => activity.LocalTimezone = huge,
            _ => activity.Entities![0].Timezone = huge,
        };

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TeamsShapedIdentifiers_OfTheLongestKindTeamsSends_AreServed()
    {
        var user = TeamsUser.Create("Real") with { AccountId = "29:1" + new string('Q', 150) };
        var activity = Bot.Activities.PersonalMessage(user, "a:1" + new string('Z', 180), "help");

        using var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await Bot.Connector.WaitForActivitiesAsync(1));
    }
}
