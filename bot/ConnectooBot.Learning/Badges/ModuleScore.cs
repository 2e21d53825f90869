namespace ConnectooBot.Learning.Badges;

/// <summary>A module's quiz score on a badge, in percent (0–100).</summary>
public sealed record ModuleScore
{
    public ModuleScore(string moduleId, int percent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleId);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        ModuleId = moduleId;
        Percent = percent;
    }

    public string ModuleId { get; }

    public int Percent { get; }
}
