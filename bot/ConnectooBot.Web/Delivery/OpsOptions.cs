using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Delivery;

/// <summary>Section <c>Ops</c>: the operator endpoints exist only when an API key is configured.</summary>
public sealed class OpsOptions
{
    public const string SectionName = "Ops";

    /// <summary>Sent by operators in the <c>X-Ops-Key</c> header; unset: the operator endpoints answer 404.</summary>
    [MinLength(16)]
    public string? ApiKey { get; set; }
}
