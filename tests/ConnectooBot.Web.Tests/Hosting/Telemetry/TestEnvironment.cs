using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ConnectooBot.Web.Tests.Hosting.Telemetry;

/// <summary>A host environment for service collections built without a host.</summary>
internal sealed class TestEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Test";

    public string ApplicationName { get; set; } = "ConnectooBot.Web";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
