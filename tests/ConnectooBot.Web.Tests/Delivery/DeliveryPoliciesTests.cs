using ConnectooBot.Learning.Delivery;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Web.Delivery;

namespace ConnectooBot.Web.Tests.Delivery;

public sealed class DeliveryPoliciesTests
{
    [Theory]
    [InlineData(1, 0.5, 1000)]
    [InlineData(2, 0.5, 2000)]
    [InlineData(3, 0.5, 4000)]
    [InlineData(10, 0.5, 60_000)]
    [InlineData(1, 0.0, 800)]
    [InlineData(1, 1.0, 1200)]
    public void Backoff_DoublesPerAttemptWithJitterUpToTheCap(int attempt, double jitter, double expectedMilliseconds)
    {
        var delay = DeliveryBackoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), jitter);

        Assert.Equal(expectedMilliseconds, delay.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData(ConnectorFailure.Throttled, DeliveryFailureKind.Throttled)]
    [InlineData(ConnectorFailure.BlockedByUser, DeliveryFailureKind.ConversationGone)]
    [InlineData(ConnectorFailure.NotInstalled, DeliveryFailureKind.ConversationGone)]
    [InlineData(ConnectorFailure.NotFound, DeliveryFailureKind.ConversationGone)]
    [InlineData(ConnectorFailure.BotDisabledByAdmin, DeliveryFailureKind.ConversationGone)]
    [InlineData(ConnectorFailure.ServiceError, DeliveryFailureKind.Transient)]
    [InlineData(ConnectorFailure.Timeout, DeliveryFailureKind.Transient)]
    [InlineData(ConnectorFailure.PreconditionFailed, DeliveryFailureKind.Transient)]
    [InlineData(ConnectorFailure.BadRequest, DeliveryFailureKind.Permanent)]
    [InlineData(ConnectorFailure.TooBig, DeliveryFailureKind.Permanent)]
    [InlineData(ConnectorFailure.Forbidden, DeliveryFailureKind.Permanent)]
    [InlineData(ConnectorFailure.HostNotAllowed, DeliveryFailureKind.Permanent)]
    internal void Classify_MapsEachConnectorFailure(ConnectorFailure failure, DeliveryFailureKind expected) =>
        Assert.Equal(expected, DeliveryFailures.Classify(failure));

    [Fact]
    public void Reason_ConversationGoneFailures_HaveTheLedgersReasons()
    {
        Assert.Equal(
            [DeliveryReasons.Blocked, DeliveryReasons.NotInstalled, DeliveryReasons.NotFound, DeliveryReasons.DisabledByAdmin],
            new[] { ConnectorFailure.BlockedByUser, ConnectorFailure.NotInstalled, ConnectorFailure.NotFound, ConnectorFailure.BotDisabledByAdmin }.Select(DeliveryFailures.Reason));
    }

    [Fact]
    public void Validate_AClaimLongerThanTheVisibilityTimeout_Fails()
    {
        var options = new DeliveryOptions { VisibilityTimeout = TimeSpan.FromSeconds(30), SendTimeout = TimeSpan.FromSeconds(20), ClaimMargin = TimeSpan.FromSeconds(10) };

        var result = new DeliveryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("VisibilityTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new DeliveryOptionsValidator().Validate(null, new DeliveryOptions()).Succeeded);

    [Theory]
    [InlineData("the-right-key-0123456789", true)]
    [InlineData("the-right-key-012345678", false)]
    [InlineData("", false)]
    public void OpsKey_MatchesOnlyTheExactKey(string presented, bool expected) =>
        Assert.Equal(expected, OpsKeyFilter.Matches(presented, "the-right-key-0123456789"));
}
