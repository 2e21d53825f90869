namespace ConnectooBot.Web.Tests.Manifest;

internal sealed record ManifestCommandList(int Index, IReadOnlyList<string> Scopes, IReadOnlyList<ManifestCommand> Commands);
