using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Storage.Faults;

/// <summary>Injected faults exist for tests: outside Development a configured fault stops the host at start-up.</summary>
internal sealed class StorageFaultOptionsValidator(IHostEnvironment environment) : IValidateOptions<StorageFaultOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageFaultOptions options) =>
        options.IsActive && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail($"{StorageFaultOptions.SectionName} injects storage faults for tests and is refused outside Development (environment {environment.EnvironmentName}).")
            : ValidateOptionsResult.Success;
}
