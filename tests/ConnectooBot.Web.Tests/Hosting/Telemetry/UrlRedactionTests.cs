using ConnectooBot.Web.Hosting.Telemetry;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("/api/messages", "/api/messages")]
    [InlineData("/v3/conversations/a:1x2Y3z-personal-chat/activities/1700000000001", "/v3/conversations/{id}/activities/{id}")]
    [InlineData("/v3/conversations/19:abc@thread.tacv2/pagedmembers", "/v3/conversations/{id}/pagedmembers")]
    [InlineData("/badges/3f2b8c1e-5d4a-4b6e-9c1f-2a7d8e9f0b1c/image.png", "/badges/{id}/image.png")]
    [InlineData("/badges/jwks.json", "/badges/jwks.json")]
    [InlineData("/connectooLearners(PartitionKey='tenant',RowKey='29a3c7e0-0000-4000-8000-000000000001')", "/connectooLearners(…)")]
    [InlineData("", "/")]
    public void Path_WithIds_KeepsOnlyWords(string path, string expected) => Assert.Equal(expected, UrlRedaction.Path(path));

    [Fact]
    public void Full_WithQueryAndUserInfo_KeepsSchemeHostAndRedactedPath()
    {
        var uri = new Uri("https://user:secret@smba.trafficmanager.net:443/emea/v3/conversations/a:secret-id/activities?continuationToken=abc#x");

        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities", UrlRedaction.Full(uri));
    }
}
