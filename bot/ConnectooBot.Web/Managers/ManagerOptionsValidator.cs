using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Managers;

/// <summary>Program administrators are Entra object ids (GUIDs); a typo would silently grant nobody.</summary>
internal sealed class ManagerOptionsValidator : IValidateOptions<ManagerOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invalid = options.ProgramAdministrators.Where(id => !Guid.TryParse(id, out _)).ToList();
        return invalid.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Managers:ProgramAdministrators must hold Entra object ids (GUIDs); {invalid.Count} entry(ies) are not.");
    }
}
