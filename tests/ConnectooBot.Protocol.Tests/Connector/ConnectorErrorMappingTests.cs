using System.Net;
using System.Text;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Testing;
using ConnectooBot.Testing.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>Teams error bodies become typed failures (teams-protocol.md §5.3).</summary>
public sealed class ConnectorErrorMappingTests : IAsyncLifetime
{
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ConnectorTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:MaxRetries"] = "0" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(403, "ConversationBlockedByUser", ConnectorFailure.BlockedByUser)]
    [InlineData(403, "BotNotInConversationRoster", ConnectorFailure.NotInstalled)]
    [InlineData(403, "ForbiddenOperationException", ConnectorFailure.NotInstalled)]
    [InlineData(403, "BotDisabledByAdmin", ConnectorFailure.BotDisabledByAdmin)]
    [InlineData(403, "NotEnoughPermissions", ConnectorFailure.Forbidden)]
    [InlineData(403, "InvalidBotApiHost", ConnectorFailure.InvalidBotApiHost)]
    [InlineData(404, "ConversationNotFound", ConnectorFailure.NotFound)]
    [InlineData(404, "ActivityNotFoundInConversation", ConnectorFailure.NotFound)]
    [InlineData(404, "MemberNotFoundInConversation", ConnectorFailure.NotFound)]
    [InlineData(404, "SomethingElse", ConnectorFailure.NotFound)]
    [InlineData(400, "BadArgument", ConnectorFailure.BadRequest)]
    [InlineData(401, "BotNotRegistered", ConnectorFailure.Unauthorized)]
    [InlineData(412, "PreconditionFailed", ConnectorFailure.PreconditionFailed)]
    [InlineData(413, "MessageSizeTooBig", ConnectorFailure.TooBig)]
    [InlineData(429, "Throttled", ConnectorFailure.Throttled)]
    [InlineData(500, "ServiceError", ConnectorFailure.ServiceError)]
    [InlineData(501, "NotImplemented", ConnectorFailure.ServiceError)]
    [InlineData(503, "ServiceError", ConnectorFailure.ServiceError)]
    public async Task SendToConversationAsync_TeamsError_MapsToTypedFailureWithCode(int status, string code, ConnectorFailure expected)
    {
        _host.Connector.FailNext(1, status, code);

        var failure = await SendExpectingFailure();

        Assert.Equal(expected, failure.Failure);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal(code, failure.ErrorCode);
    }

    [Fact]
    public async Task SendToConversationAsync_NestedMessageWritesBlocked_MapsToBlockedByUser()
    {
        _host.Connector.FailNext(1, ConnectorFault.MessageWritesBlocked());

        var failure = await SendExpectingFailure();

        Assert.Equal(ConnectorFailure.BlockedByUser, failure.Failure);
        Assert.Equal("MessageWritesBlocked", failure.ErrorCode);
        Assert.True(failure.Failure.MeansConversationGone());
    }

    [Theory]
    [InlineData(403, "", ConnectorFailure.Forbidden)]
    [InlineData(404, "<html>Not Found</html>", ConnectorFailure.NotFound)]
    [InlineData(403, "{\"error\":", ConnectorFailure.Forbidden)]
    [InlineData(502, "[1,2,3]", ConnectorFailure.ServiceError)]
    public async Task SendToConversationAsync_UnreadableErrorBody_StillMapsByStatus(int status, string body, ConnectorFailure expected)
    {
        _host.Connector.FailNext(1, new ConnectorFault(status, body));

        var failure = await SendExpectingFailure();

        Assert.Equal(expected, failure.Failure);
        Assert.Null(failure.ErrorCode);
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"gone\"}}", "ConversationNotFound", "gone")]
    [InlineData("{\"Error\":{\"Code\":\"BotDisabledByAdmin\"}}", "BotDisabledByAdmin", null)]
    [InlineData("{\"code\":\"BadSyntax\",\"message\":\"bad\"}", "BadSyntax", "bad")]
    [InlineData("{\"errorCode\":209,\"message\":\"{\\\"subCode\\\":\\\"MessageWritesBlocked\\\",\\\"message\\\":\\\"blocked\\\"}\"}", "MessageWritesBlocked", "blocked")]
    [InlineData("{\"errorCode\":209,\"message\":\"{not json\"}", "209", "{not json")]
    [InlineData("{\"error\":\"flat string\"}", null, null)]
    [InlineData("{\"error\":{\"code\":42,\"message\":[\"x\"]}}", "42", null)]
    [InlineData("null", null, null)]
    [InlineData("\"text\"", null, null)]
    [InlineData("not json at all", null, null)]
    [InlineData("", null, null)]
    public void ConnectorErrorBodyParse_AnyBody_ReadsWhatItCanAndNeverThrows(string body, string? code, string? message)
    {
        var parsed = ConnectorErrorBody.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(code, parsed.Code);
        Assert.Equal(message, parsed.Message);
    }

    [Fact]
    public void ConnectorErrorBodyParse_DeeplyNestedJson_ReturnsEmptyInsteadOfThrowing()
    {
        var body = new string('[', 5000) + new string(']', 5000);

        var parsed = ConnectorErrorBody.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(ConnectorErrorBody.Empty, parsed);
    }

    [Theory]
    [InlineData(404, "MemberNotFoundInConversation", LogLevel.Information)]
    [InlineData(404, "ConversationNotFound", LogLevel.Information)]
    [InlineData(403, "BotNotInConversationRoster", LogLevel.Warning)]
    [InlineData(400, "BadArgument", LogLevel.Warning)]
    public async Task AFailedCall_IsAWarning_ButA404IsAnAnswer_LoggedAsInformation(int status, string code, LogLevel expected)
    {
        var logs = new LogCapture();
        await using var host = await ConnectorTestHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:Connector:MaxRetries"] = "0" },
            services => services.AddLogging(logging => logging.AddProvider(logs)));
        host.Connector.FailNext(1, status, code);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.GetMemberAsync(host.ServiceUrl, "19:team@thread.tacv2", "29:someone", CancellationToken.None));

        var line = Assert.Single(logs.Lines, l => l.Message.Contains(code, StringComparison.Ordinal));
        Assert.Equal(expected, line.Level);
        Assert.DoesNotContain("29:someone", line.Message, StringComparison.Ordinal);
    }

    private async Task<ConnectorException> SendExpectingFailure() =>
        await Assert.ThrowsAsync<ConnectorException>(() =>
            _host.Client.SendToConversationAsync(_host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));
}
