using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Protocol.Tests.Turns;

public sealed class RouteTableTests
{
    private readonly List<string> _calls = [];

    private RouteTable Routes() => new RouteTable()
        .OnCommand("help", ["help", "aide", "hilfe"], (_, c, _) => Record($"help:{c.Alias}:{c.Arguments}"))
        .OnCommand("delete-data", ["delete my data", "supprimer mes données"], (_, c, _) => Record($"delete:{c.Arguments}"))
        .OnCommand("delete", ["delete"], (_, c, _) => Record($"plain-delete:{c.Arguments}"))
        .OnUnrecognizedText((_, text, _) => Record($"fallback:{text}"))
        .OnCardAction("course.start", (_, a, _) => Record($"start:{a.ViaInvoke}:{a.Data["module"]}"))
        .OnActivity(ActivityTypes.ConversationUpdate, (_, _) => Record("update"));

    private Task Record(string call)
    {
        _calls.Add(call);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("help", "help:help:")]
    [InlineData("AIDE", "help:aide:")]
    [InlineData("hilfe bitte", "help:hilfe:bitte")]
    [InlineData("Supprimer mes Données maintenant", "delete:maintenant")]
    [InlineData("delete my data", "delete:")]
    [InlineData("delete everything", "plain-delete:everything")]
    [InlineData("what is this", "fallback:what is this")]
    public async Task Message_IsRoutedByLongestMatchingAlias(string text, string expected)
    {
        await Routes().OnTurnAsync(TestTurns.For(TestTurns.Message(text)), CancellationToken.None);

        Assert.Equal([expected], _calls);
    }

    [Fact]
    public async Task ChannelMessage_WithBotMention_IsRoutedAsCommand()
    {
        await Routes().OnTurnAsync(TestTurns.For(TestPayloads.Activity("channel-mention")), CancellationToken.None);

        Assert.Equal(["help:hilfe:"], _calls);
    }

    [Fact]
    public async Task ExecuteInvoke_IsRoutedByVerb()
    {
        await Routes().OnTurnAsync(TestTurns.For(TestPayloads.Activity("card-action-invoke")), CancellationToken.None);

        Assert.Equal(["start:True:identity"], _calls);
    }

    [Fact]
    public async Task SubmitFallback_MessageValueWithVerb_IsRoutedLikeTheInvoke()
    {
        var message = TestTurns.Message(string.Empty);
        message.Value = new JsonObject { ["verb"] = "course.start", ["module"] = "identity" };

        await Routes().OnTurnAsync(TestTurns.For(message), CancellationToken.None);

        Assert.Equal(["start:False:identity"], _calls);
    }

    [Fact]
    public async Task UnknownInvokeName_Gets501()
    {
        var invoke = TestTurns.Message(string.Empty);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "composeExtension/query";
        var turn = TestTurns.For(invoke);

        await Routes().OnTurnAsync(turn, CancellationToken.None);

        Assert.Equal(501, turn.InvokeResponse!.Status);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task UnknownVerb_WithoutStaleRoute_Gets501()
    {
        var activity = TestPayloads.Activity("card-action-invoke");
        activity.Value!["action"]!["verb"] = "no.such.verb";
        var turn = TestTurns.For(activity);

        await Routes().OnTurnAsync(turn, CancellationToken.None);

        Assert.Equal(501, turn.InvokeResponse!.Status);
    }

    [Fact]
    public async Task UnknownVerb_WithStaleRoute_GoesThere()
    {
        var routes = Routes().OnUnknownCardAction((_, a, _) => Record($"stale:{a.Verb}"));
        var activity = TestPayloads.Activity("card-action-invoke");
        activity.Value!["action"]!["verb"] = "lesson.old";

        await routes.OnTurnAsync(TestTurns.For(activity), CancellationToken.None);

        Assert.Equal(["stale:lesson.old"], _calls);
    }

    [Fact]
    public async Task CardInvoke_NotExecute_GetsBadRequestBody()
    {
        var activity = TestPayloads.Activity("card-action-invoke");
        activity.Value!["action"]!["type"] = "Action.Submit";
        var turn = TestTurns.For(activity);

        await Routes().OnTurnAsync(turn, CancellationToken.None);

        Assert.Equal(200, turn.InvokeResponse!.Status);
        Assert.Equal(400, turn.InvokeResponse.Body!["statusCode"]!.GetValue<int>());
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task UnknownActivityType_IsIgnored()
    {
        var activity = TestTurns.Message(string.Empty);
        activity.Type = "someFutureType";
        var turn = TestTurns.For(activity);

        await Routes().OnTurnAsync(turn, CancellationToken.None);

        Assert.Empty(_calls);
        Assert.Null(turn.InvokeResponse);
    }

    [Fact]
    public async Task ActivityTypeRoute_IsCalled()
    {
        var activity = TestPayloads.Activity("team-install");

        await Routes().OnTurnAsync(TestTurns.For(activity), CancellationToken.None);

        Assert.Equal(["update"], _calls);
    }

    [Fact]
    public void OnCommand_SameAliasForTwoCommands_Throws()
    {
        var routes = new RouteTable().OnCommand("a", ["go"], (_, _, _) => Task.CompletedTask);

        var error = Assert.Throws<InvalidOperationException>(() => routes.OnCommand("b", ["Go!"], (_, _, _) => Task.CompletedTask));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnCardAction_DuplicateVerb_Throws()
    {
        var routes = new RouteTable().OnCardAction("x", (_, _, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => routes.OnCardAction("X", (_, _, _) => Task.CompletedTask));
    }

    [Fact]
    public void OnCommand_SameWordTwiceForOneCommand_IsAllowed()
    {
        var routes = new RouteTable().OnCommand("help", ["menu", "Menü", "menu"], (_, _, _) => Task.CompletedTask);

        Assert.Equal("help", routes.Match("menu")!.Command);
    }
}
