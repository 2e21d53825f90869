using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Web.Badges;

/// <summary>The Open Badges issuer (section <c>Badges</c>).</summary>
public sealed class BadgeOptions
{
    public const string SectionName = "Badges";

    /// <summary>
    /// The issuer's private signing key: PKCS#8 PEM of an EC P-256 (ES256) or RSA ≥ 2048-bit (RS256) key. In Azure it
    /// comes from Key Vault through an app setting reference (<c>Badges__SigningKeyPem</c>); never a file in the repository.
    /// Required outside Development.
    /// </summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>
    /// Development only, when no key is configured: where a generated key is kept (relative to the content root) so
    /// badges issued locally keep verifying across restarts. Git ignores <c>.local/</c>.
    /// </summary>
    public string DevelopmentKeyPath { get; set; } = Path.Combine(".local", "badge-signing-key.pem");

    /// <summary>
    /// The public address of the bot (e.g. <c>https://connectoo.example.be</c>): every badge URL, the issuer id and
    /// the key id start with it, so it must not change once badges are issued. Development defaults to the local bot.
    /// </summary>
    [Required]
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// The issuer's name as shown in the credential and on the verification page: the organisation that deploys the
    /// bot owns the badge, so set it to that organisation (e.g. "FPS Example — digital helpers"). The default names
    /// the bot, not a government body.
    /// </summary>
    [Required]
    [StringLength(200, MinimumLength = 2)]
    public string IssuerName { get; set; } = DefaultIssuerName;

    /// <summary>The default <see cref="IssuerName"/>: the bot itself, based on (not issued by) the federal programme.</summary>
    public const string DefaultIssuerName = "ConnectooBot (based on the federal Connectoo programme)";

    /// <summary>An optional description of the issuer (who runs the training and why), shown in the issuer Profile.</summary>
    [StringLength(1000)]
    public string? IssuerDescription { get; set; }
}
