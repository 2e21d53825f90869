using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>
/// What taking a shared claim gave: <see cref="Taken"/>; or the activity was processed elsewhere (<see cref="Done"/>,
/// with its stored <see cref="Answer"/>); or it is still being processed elsewhere (neither).
/// </summary>
public sealed record SharedClaimOutcome(bool Taken, bool Done, InvokeResponse? Answer);
