using System.Net;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Testing.Connector;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>Retries only 412/429/502/503/504, honouring Retry-After (teams-protocol.md §5.2).</summary>
public sealed class ConnectorRetryTests
{
    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendToConversationAsync_TransientStatusTwice_RetriesAndSucceeds(int status)
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.FailNext(2, status);

        var response = await host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None);

        Assert.Equal([status, status, 201], host.Connector.Requests.Select(r => r.StatusCode));
        Assert.Equal(Assert.Single(host.Connector.Activities).ActivityId, response.Id);
    }

    [Theory]
    [InlineData(412, ConnectorFailure.PreconditionFailed)]
    [InlineData(429, ConnectorFailure.Throttled)]
    [InlineData(502, ConnectorFailure.ServiceError)]
    [InlineData(503, ConnectorFailure.ServiceError)]
    [InlineData(504, ConnectorFailure.ServiceError)]
    public async Task SendToConversationAsync_TransientStatusBeyondMaxRetries_MakesOnePlusMaxRetriesAttemptsThenFails(int status, ConnectorFailure expected)
    {
        await using var host = await ConnectorTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:MaxRetries"] = "3" });
        host.Connector.FailNext(10, status);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Equal(expected, failure.Failure);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal(4, host.Connector.Requests.Count);
        Assert.Empty(host.Connector.Activities);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    [InlineData(500)]
    [InlineData(501)]
    public async Task SendToConversationAsync_NonTransientStatus_IsNotRetried(int status)
    {
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.FailNext(10, status);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_ThrottledWithRetryAfterOneSecond_RetriesNoSoonerThanOneSecondLater()
    {
        // Base backoff is 10 ms here: only an honoured Retry-After explains a gap of a second.
        await using var host = await ConnectorTestHost.StartAsync();
        host.Connector.Throttle(retryAfter: TimeSpan.FromSeconds(1), times: 1);

        await host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None);

        var requests = host.Connector.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.StatusCode));
        // The server stamps arrival after reading the request, so the measured gap can fall a few ms short of the
        // client's wait; a 10 ms backoff that ignored Retry-After would still be far below this bound.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"Retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}.");
    }

    [Fact]
    public async Task SendToConversationAsync_ThrottledWithRetryAfter30Seconds_WaitsOnTheInjectedClock()
    {
        var time = new TimerRecordingTimeProvider();
        await using var host = await ConnectorTestHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:Connector:MaxRetryDelay"] = "00:01:00" },
            timeProvider: time);
        host.Connector.Throttle(TimeSpan.FromSeconds(30));
        using var abandon = new CancellationTokenSource();

        var send = host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), abandon.Token);
        int stillOneRequest;
        try
        {
            await time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
            time.Advance(TimeSpan.FromSeconds(29));
            stillOneRequest = host.Connector.Requests.Count;
            time.Advance(TimeSpan.FromSeconds(1));
            await send.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            // On failure the send would wait on the fake clock forever, and disposing Polly's pipeline waits (on that
            // same clock) for executions in flight: end it before the host is disposed.
            await abandon.CancelAsync();
            await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(1, stillOneRequest);
        Assert.Equal([429, 201], host.Connector.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterLongerThanMaxRetryDelay_FailsAtOnceAsThrottledWithTheRetryAfter()
    {
        await using var host = await ConnectorTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:MaxRetryDelay"] = "00:01:00" });
        host.Connector.Throttle(TimeSpan.FromMinutes(2));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Equal(ConnectorFailure.Throttled, failure.Failure);
        Assert.Equal(TimeSpan.FromMinutes(2), failure.RetryAfter);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterAsHttpDate_IsMeasuredAgainstTheInjectedClock()
    {
        var time = new TimerRecordingTimeProvider();
        await using var host = await ConnectorTestHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:Connector:MaxRetryDelay"] = "00:01:00" },
            timeProvider: time);
        host.Connector.FailNext(1, ConnectorFault.ThrottledUntil(time.GetUtcNow().AddMinutes(5)));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Equal(ConnectorFailure.Throttled, failure.Failure);
        Assert.Equal(TimeSpan.FromMinutes(5), failure.RetryAfter);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_MaxRetriesZero_MakesOneAttempt()
    {
        await using var host = await ConnectorTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:MaxRetries"] = "0" });
        host.Connector.Throttle(TimeSpan.FromSeconds(3));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Equal(ConnectorFailure.Throttled, failure.Failure);
        Assert.Equal(TimeSpan.FromSeconds(3), failure.RetryAfter);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_ConnectionRefused_RetriesThenFailsAsServiceError()
    {
        await using var host = await ConnectorTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:MaxRetries"] = "2" });
        var deadServiceUrl = host.ServiceUrl;
        await host.Connector.DisposeAsync();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(deadServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Equal(ConnectorFailure.ServiceError, failure.Failure);
        Assert.Null(failure.StatusCode);
        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Equal(3, host.Tokens.Calls);
    }
}
