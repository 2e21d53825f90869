using System.Security.Cryptography;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Learning.Learners;
using ConnectooBot.Learning.Ports;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Issues the Connectoo badge: builds the OpenBadgeCredential, signs it as a VC-JWT, stores it with a random
/// position in the revocation list. A learner who already holds a valid badge gets that one back (a double click
/// never makes two badges), also when two instances issue at the same moment: the store keeps one badge per learner
/// and course and returns it to both.
/// </summary>
public sealed class BadgeIssuer(
    IBadgeStore store,
    CredentialBuilder builder,
    CredentialSigner signer,
    BadgeUrls urls,
    TimeProvider time,
    ILogger<BadgeIssuer> logger,
    IConflictObserver? conflicts = null)
{
    private const int MaxAttempts = 20;

    /// <summary>Issues a badge now, with a new id.</summary>
    public Task<IssuedBadge> IssueAsync(
        LearnerKey learner,
        string courseId,
        string displayName,
        string language,
        IReadOnlyList<ModuleScore> moduleScores,
        string contentVersion,
        CancellationToken cancellationToken) =>
        IssueAsync(
            new BadgeAward
            {
                BadgeId = BadgeAward.NewBadgeId(),
                Learner = learner,
                CourseId = courseId,
                DisplayName = displayName,
                Language = language,
                IssuedAt = time.GetUtcNow(),
                ModuleScores = moduleScores,
                ContentVersion = contentVersion,
            },
            cancellationToken);

    public async Task<IssuedBadge> IssueAsync(BadgeAward award, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(award);
        if (!BadgeAward.IsWellFormedBadgeId(award.BadgeId))
        {
            throw new ArgumentException("A badge id is 32 lowercase hex digits (BadgeAward.NewBadgeId).", nameof(award));
        }

        var held = (await store.FindByLearnerAsync(award.Learner, cancellationToken)).FirstOrDefault(b => !b.IsRevoked);
        if (held is not null)
        {
            Log.BadgeAlreadyIssued(logger, held.BadgeId);
            return Describe(held);
        }

        // Whole seconds: validFrom and nbf must be equal (OB 3.0 §8.2.6.1) and NumericDate has no fractions.
        award = award with { IssuedAt = DateTimeOffset.FromUnixTimeSeconds(award.IssuedAt.ToUnixTimeSeconds()) };
        for (var attempt = 1; ; attempt++)
        {
            var statusIndex = RandomNumberGenerator.GetInt32(CredentialBuilder.StatusListCapacity);
            var payload = builder.Build(award, statusIndex, Guid.NewGuid(), IdentityHash.NewSalt());
            var record = new BadgeRecord { Award = award, Credential = signer.Sign(payload), StatusIndex = statusIndex };
            try
            {
                var stored = await store.SaveAsync(record, cancellationToken);
                if (stored.BadgeId != award.BadgeId)
                {
                    // Another instance issued the learner's badge meanwhile: theirs stands, this one was never stored.
                    Log.BadgeAlreadyIssued(logger, stored.BadgeId);
                    return Describe(stored);
                }

                Log.BadgeIssued(logger, award.BadgeId, statusIndex);
                return Describe(stored);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                conflicts?.OnConflict("badge");
                Log.BadgeStatusIndexTaken(logger, statusIndex, award.BadgeId);
            }
        }
    }

    public IssuedBadge Describe(BadgeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new IssuedBadge(
            record,
            urls.Badge(record.BadgeId),
            urls.Image,
            urls.BakedImage(record.BadgeId),
            urls.Credential(record.BadgeId),
            urls.Verify(record.BadgeId),
            urls.WalletCredential(record.BadgeId));
    }
}
