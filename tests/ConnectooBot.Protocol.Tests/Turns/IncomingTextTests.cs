using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Protocol.Tests.Turns;

public sealed class IncomingTextTests
{
    [Fact]
    public void Clean_ChannelMention_StripsOnlyTheBotMentionAndDecodesEntities()
    {
        var activity = TestPayloads.Activity("channel-mention");

        Assert.Equal("Hilfe", IncomingText.Clean(activity));
    }

    [Fact]
    public void Clean_MentionOfSomeoneElse_IsKept()
    {
        var activity = new Activity
        {
            Text = "<at>Connectoo</at> managers add <at>Jan</at>",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities =
            [
                new Entity { Type = "mention", Text = "<at>Connectoo</at>", Mentioned = new ChannelAccount { Id = "28:bot" } },
                new Entity { Type = "mention", Text = "<at>Jan</at>", Mentioned = new ChannelAccount { Id = "29:jan" } },
            ],
        };

        Assert.Equal("managers add <at>Jan</at>", IncomingText.Clean(activity));
    }

    [Fact]
    public void Clean_NoText_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, IncomingText.Clean(new Activity { Type = ActivityTypes.Message }));
    }

    [Theory]
    [InlineData("Démarrer", "demarrer")]
    [InlineData("  AIDE!  ", "aide")]
    [InlineData("Guten   Tag", "guten tag")]
    [InlineData("Menü", "menu")]
    public void Key_IgnoresCaseAccentsSpacesAndPunctuation(string text, string expected)
    {
        Assert.Equal(expected, IncomingText.Key(text));
    }
}
