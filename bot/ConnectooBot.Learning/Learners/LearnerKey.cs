namespace ConnectooBot.Learning.Learners;

/// <summary>A learner is keyed by tenant and Entra object id: the Teams <c>29:</c> id is specific to one bot.</summary>
public readonly record struct LearnerKey(string TenantId, string UserId)
{
    public override string ToString() => $"{TenantId}/{UserId}";
}
