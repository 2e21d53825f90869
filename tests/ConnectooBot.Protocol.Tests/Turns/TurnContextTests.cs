using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Tests.Turns;

public sealed class TurnContextTests
{
    private static JsonObject Card(string text) => new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text }) };

    [Fact]
    public async Task ReplaceCard_OnInvoke_BecomesTheInvokeResponse_AndSendsNothing()
    {
        var connector = new NullConnector();
        var turn = TestTurns.For(TestPayloads.Activity("card-action-invoke"), connector);

        await turn.ReplaceCardAsync(Card("next"), CancellationToken.None);

        Assert.Empty(connector.Calls);
        Assert.Equal(200, turn.InvokeResponse!.Status);
        Assert.Equal(ContentTypes.AdaptiveCard, turn.InvokeResponse.Body!["type"]!.GetValue<string>());
        Assert.Equal("next", turn.InvokeResponse.Body["value"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceCard_OnSubmit_UpdatesTheClickedMessageInPlace()
    {
        var connector = new NullConnector();
        var submit = TestTurns.Message(string.Empty);
        submit.Value = new JsonObject { ["verb"] = "course.start" };
        submit.ReplyToId = "card-42";
        var turn = TestTurns.For(submit, connector);

        await turn.ReplaceCardAsync(Card("next"), CancellationToken.None);

        var call = Assert.Single(connector.Calls);
        Assert.Equal("update", call.Operation);
        Assert.Equal("card-42", call.ActivityId);
        Assert.Equal("card-42", call.Activity!.Id);
    }

    [Fact]
    public async Task SendCard_AddressesTheReplyToTheSameConversation()
    {
        var connector = new NullConnector();
        var turn = TestTurns.For(TestPayloads.Activity("channel-mention"), connector);

        await turn.SendCardAsync(Card("hello"), CancellationToken.None);

        var call = Assert.Single(connector.Calls);
        Assert.Equal("19:abc@thread.tacv2;messageid=1712345600000", call.ConversationId);
        Assert.Equal("28:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", call.Activity!.From!.Id);
        Assert.Equal(["sent-1"], turn.SentActivityIds);
    }
}
