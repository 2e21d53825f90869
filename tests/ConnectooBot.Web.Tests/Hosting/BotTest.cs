using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.Content;
using ConnectooBot.Testing;
using ConnectooBot.Web.Tests.BotHosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectooBot.Web.Tests.Hosting;

/// <summary>A test class with its own running bot (xUnit creates one per test, so tests never share state).</summary>
public abstract class BotTest(bool authenticated = false, bool azurite = false) : IAsyncLifetime
{
    protected BotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await BotHost.StartAsync(authenticated, azurite);

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    /// <summary>The course the bot ships.</summary>
    protected Learning.Catalog.Course Course => Bot.Services.GetRequiredService<Learning.Catalog.Course>();

    /// <summary>The bot's interface texts and command words.</summary>
    protected UiContent Ui => Bot.Services.GetRequiredService<UiContent>();

    /// <summary>The chat's learner as storage holds it now.</summary>
    protected Learning.Learners.Learner Learner(PersonalChat chat) =>
        Bot.Services.GetRequiredService<ILearnerStore>().FindAsync(new(Bot.Activities.TenantId, chat.User.AadObjectId), CancellationToken.None).GetAwaiter().GetResult()!.Value;
}
