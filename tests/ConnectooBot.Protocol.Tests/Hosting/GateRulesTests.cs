using ConnectooBot.Protocol.Hosting;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Storage.Tables;

namespace ConnectooBot.Protocol.Tests.Hosting;

/// <summary>The gate's small rules on their own: what counts as JSON, which channels are served, what fits a storage key.</summary>
public sealed class GateRulesTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("APPLICATION/JSON", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/json; charset=UTF-8", true)]
    [InlineData("application/json;charset=\"utf-8\"", true)]
    [InlineData("application/json; charset=utf-16", false)]
    [InlineData("text/plain", false)]
    [InlineData("text/json", false)]
    [InlineData("application/jsonx", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void JsonContentType_AcceptsApplicationJsonInUtf8Only(string? contentType, bool accepted)
    {
        Assert.Equal(accepted, JsonContentType.IsJson(contentType));
    }

    [Theory]
    [InlineData("msteams", false, true)]
    [InlineData("MsTeams", false, true)]
    [InlineData("emulator", false, false)]
    [InlineData("emulator", true, true)]
    [InlineData("webchat", true, false)]
    [InlineData("", true, false)]
    [InlineData(null, true, false)]
    public void ServedChannels_AreTeams_AndTheLocalClientOnlyInLocalDevelopment(string? channel, bool localDevelopment, bool served)
    {
        Assert.Equal(served, ServedChannels.IsServed(channel, localDevelopment));
    }

    [Fact]
    public void TheLongestAcceptedIdentifiers_FitOneTableKeyOnceEncoded()
    {
        var conversation = new string('é', ActivityBounds.MaxConversationIdBytes / 2);
        var activityId = new string('1', ActivityBounds.MaxActivityIdBytes);
        var account = new string('x', ActivityBounds.MaxAccountIdBytes);
        var tenant = new string('t', ActivityBounds.MaxTenantIdBytes);

        Assert.True(("~" + TableKeys.Encode(new string('k', ActivityBounds.MaxKeyBytes))).Length <= ActivityBounds.TableKeyCharacters);
        Assert.True(TableKeys.Encode(conversation + "\n" + activityId).Length <= ActivityBounds.TableKeyCharacters);
        Assert.True(TableKeys.Id(account).Length <= ActivityBounds.TableKeyCharacters);
        Assert.True(TableKeys.Id(tenant).Length <= ActivityBounds.TableKeyCharacters);
        Assert.Null(ActivityBounds.Violation(new Activity
        {
            Id = activityId,
            Conversation = new ConversationAccount { Id = conversation, TenantId = tenant },
            From = new ChannelAccount { Id = account, AadObjectId = Guid.NewGuid().ToString() },
        }));
    }

    [Theory]
    [InlineData("card-action-invoke")]
    [InlineData("channel-mention")]
    [InlineData("installation-remove")]
    [InlineData("personal-message")]
    [InlineData("team-install")]
    public void RecordedTeamsPayloads_KeepEveryBound(string payload)
    {
        Assert.Null(ActivityBounds.Violation(TestPayloads.Activity(payload)));
        Assert.True(ServedChannels.IsServed(TestPayloads.Activity(payload).ChannelId, localDevelopment: false));
    }

    [Fact]
    public void OneByteOverTheBound_IsAViolation()
    {
        var activity = new Activity { Conversation = new ConversationAccount { Id = new string('c', ActivityBounds.MaxConversationIdBytes + 1) } };

        Assert.Equal("conversation.id is too long", ActivityBounds.Violation(activity));
    }
}
