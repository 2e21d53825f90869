using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Tests.Schema;

public sealed class ActivitySerializationTests
{
    [Fact]
    public void Deserialize_PersonalMessage_ReadsTypedFields()
    {
        var activity = TestPayloads.Activity("personal-message");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("hulp", activity.Text);
        Assert.Equal("11111111-2222-3333-4444-555555555555", activity.From!.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal("99999999-0000-0000-0000-000000000001", activity.TenantId);
        Assert.Equal("nl-BE", activity.Entities!.Single().Locale);
    }

    [Fact]
    public void Deserialize_LocalTimeZoneSpelledWithCapitalZ_IsRead()
    {
        // Teams samples spell it both localTimezone and localTimeZone (teams-protocol.md §1.1).
        var activity = TestPayloads.Activity("personal-message");

        Assert.Equal("Europe/Brussels", activity.LocalTimezone);
    }

    [Fact]
    public void RoundTrip_UnknownFields_AreKeptAtEveryLevel()
    {
        var activity = TestPayloads.Activity("personal-message");

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity))!;

        Assert.True(json["someUnknownTopLevelField"]!["kept"]!.GetValue<bool>());
        Assert.Equal(3, json["channelData"]!["futureTeamsField"]!["nested"]!.AsArray().Count);
    }

    [Fact]
    public void Serialize_NullFields_AreOmitted()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "hi" };

        var json = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","text":"hi"}""", json);
    }

    [Fact]
    public void Deserialize_InvokeValue_KeepsActionData()
    {
        var activity = TestPayloads.Activity("card-action-invoke");

        Assert.Equal("course.start", activity.Value!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("identity", activity.Value!["action"]!["data"]!["module"]!.GetValue<string>());
    }

    [Fact]
    public void Deserialize_TeamInstall_ReadsSelectedChannelAndTeam()
    {
        var activity = TestPayloads.Activity("team-install");

        Assert.Equal("19:chosen@thread.tacv2", activity.ChannelData!.Settings!.SelectedChannel!.Id);
        Assert.Equal("Guichet", activity.ChannelData.Team!.Name);
        Assert.Equal("28:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", activity.MembersAdded!.Single().Id);
    }

    [Fact]
    public void CreateReply_SwapsSenderAndRecipient_AndKeepsConversation()
    {
        var activity = TestPayloads.Activity("channel-mention");

        var reply = activity.CreateReply();

        Assert.Equal(activity.Recipient!.Id, reply.From!.Id);
        Assert.Equal(activity.From!.Id, reply.Recipient!.Id);
        Assert.Equal(activity.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(activity.Id, reply.ReplyToId);
    }
}
