using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.InMemory;

namespace ConnectooBot.Storage.Tests.Contracts;

public sealed class InMemoryLearnerStoreTests : LearnerStoreContract
{
    protected override Task<(ILearnerStore First, ILearnerStore Second)> CreateStoresAsync()
    {
        var store = new InMemoryLearnerStore();
        return Task.FromResult<(ILearnerStore, ILearnerStore)>((store, store));
    }
}

public sealed class InMemoryConversationStoreTests : ConversationStoreContract
{
    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(new InMemoryConversationStore());
}

public sealed class InMemoryTeamStoreTests : TeamStoreContract
{
    protected override Task<(ITeamStore Teams, IScheduleClaims Claims)> CreateAsync() =>
        Task.FromResult<(ITeamStore, IScheduleClaims)>((new InMemoryTeamStore(), new InMemoryScheduleClaims()));
}

public sealed class InMemoryActivityClaimTests : ActivityClaimContract
{
    protected override Task<(ILearnerStore Learners, IActivityClaims First, IActivityClaims Second)> CreateAsync()
    {
        var claims = new InMemoryActivityClaims();
        return Task.FromResult<(ILearnerStore, IActivityClaims, IActivityClaims)>((new InMemoryLearnerStore(), claims, claims));
    }
}

public sealed class InMemoryVivaSyncStoreTests : VivaSyncStoreContract
{
    protected override Task<(IVivaSyncStore First, IVivaSyncStore Second)> CreateStoresAsync()
    {
        var store = new InMemoryVivaSyncStore();
        return Task.FromResult<(IVivaSyncStore, IVivaSyncStore)>((store, store));
    }
}

public sealed class InMemoryInsightsStoreTests : InsightsStoreContract
{
    protected override Task<IInsightsStore> CreateAsync() => Task.FromResult<IInsightsStore>(new InMemoryInsightsStore());
}
