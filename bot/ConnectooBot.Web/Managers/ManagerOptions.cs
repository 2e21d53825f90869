namespace ConnectooBot.Web.Managers;

/// <summary>Section <c>Managers</c>: who manages every team.</summary>
public sealed class ManagerOptions
{
    public const string SectionName = "Managers";

    /// <summary>Entra object ids of the program administrators: they manage every team of their tenant.</summary>
    public IList<string> ProgramAdministrators { get; init; } = [];
}
