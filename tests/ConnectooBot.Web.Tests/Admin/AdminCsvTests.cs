using System.Net;
using System.Text;

namespace ConnectooBot.Web.Tests.Admin;

/// <summary>/admin/items/{moduleId}.csv: the authors' export, behind the same role, with the same withholding.</summary>
public sealed class AdminCsvTests : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Csv_RespectsWithholding_AndCarriesTheFigures()
    {
        using var admin = await _host.SignedInAsync(admin: true);
        var module = _host.Course.Modules[0];
        var question = module.Questions[0];

        using var response = await admin.GetAsync($"/admin/items/{module.Id}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"item-analysis-{module.Id}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(5, lines.Length); // header + the four versions of the first question
        var german = Assert.Single(lines, l => l.StartsWith($"{module.Id},{question.Id},de,", StringComparison.Ordinal));
        var figures = german.Split(',')[^(4 + question.Choices.Count + 1)..]; // responses … flags, after the question text
        Assert.DoesNotContain(figures, f => f.Any(char.IsDigit));
        Assert.Contains(",withheld,withheld,withheld,", german, StringComparison.Ordinal);
        var french = Assert.Single(lines, l => l.StartsWith($"{module.Id},{question.Id},fr,", StringComparison.Ordinal));
        Assert.Contains(",812,0.970,0.080,", french, StringComparison.Ordinal);
        Assert.EndsWith("TooEasy; NonDiscriminating", french, StringComparison.Ordinal);
        Assert.Equal(1, _host.Store.Reads);
    }

    [Fact]
    public async Task Csv_WithoutTheRole_Is403_AndNotSignedIn_IsSentToSignIn()
    {
        var module = _host.Course.Modules[0];
        using var viewer = await _host.SignedInAsync(admin: false);
        using var anonymous = _host.Client();

        using var forbidden = await viewer.GetAsync($"/admin/items/{module.Id}.csv");
        using var challenged = await anonymous.GetAsync($"/admin/items/{module.Id}.csv");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.Equal(0, _host.Store.Reads);
    }

    [Fact]
    public async Task Csv_OfAnUnknownModule_Is404()
    {
        using var admin = await _host.SignedInAsync(admin: true);

        using var response = await admin.GetAsync("/admin/items/no-such-module.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
