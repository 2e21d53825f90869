namespace ConnectooBot.Web.Tests.Manifest;

internal sealed record ManifestCommand(string Title, string Description);
