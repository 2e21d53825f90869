using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Connector;
using ConnectooBot.Testing.Conversations;

namespace ConnectooBot.Web.Tests.BotHosting;

/// <summary>
/// A personal chat between one user and the bot, driven like a person would: install, type, click a button on the
/// card in front of them. Each step returns what the bot answered; <see cref="Card"/> is the card now shown.
/// </summary>
public sealed class PersonalChat(BotHost host, TeamsUser user)
{
    private readonly string _conversationId = "a:" + Guid.NewGuid().ToString("N");
    private string? _cardMessageId;

    public TeamsUser User { get; } = user;

    public string ConversationId => _conversationId;

    /// <summary>The card currently in front of the user (the last one sent, or its in-place replacement).</summary>
    public CardView? Card { get; private set; }

    public Task<BotReply> InstallAsync() => RunAsync(host.Activities.PersonalInstall(User, _conversationId));

    public Task<BotReply> SendAsync(string text) => RunAsync(host.Activities.PersonalMessage(User, _conversationId, text));

    /// <summary>Clicks a button of the current card: as Action.Execute, or as its Action.Submit fallback (an older client).</summary>
    public Task<BotReply> ClickAsync(string title, IReadOnlyDictionary<string, string>? inputs = null, bool viaSubmit = false)
    {
        var card = Card ?? throw new InvalidOperationException("No card is shown yet.");
        return ClickAsync(card, title, inputs, viaSubmit);
    }

    /// <summary>Clicks a button of an older card (a stale click).</summary>
    public Task<BotReply> ClickAsync(CardView card, string title, IReadOnlyDictionary<string, string>? inputs = null, bool viaSubmit = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        return ClickAsync(card, card.Button(title), inputs, viaSubmit);
    }

    /// <summary>Clicks one given button of a card (when several buttons share a title).</summary>
    public Task<BotReply> ClickAsync(CardView card, JsonObject button, IReadOnlyDictionary<string, string>? inputs = null, bool viaSubmit = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(button);
        var data = (button["data"] as JsonObject ?? []).DeepClone().AsObject();
        foreach (var (name, value) in inputs ?? new Dictionary<string, string>())
        {
            data[name] = value;
        }

        var messageId = card.MessageId ?? _cardMessageId ?? "unknown";
        if (viaSubmit)
        {
            data["verb"] = button["verb"]?.DeepClone();
            return RunAsync(host.Activities.Submit(User, _conversationId, messageId, data));
        }

        return RunAsync(host.Activities.Execute(User, _conversationId, messageId, button["verb"]!.GetValue<string>(), data));
    }

    /// <summary>Posts an activity of this chat as it is (for replays and forgeries).</summary>
    public Task<BotReply> PostAsync(Activity activity) => RunAsync(activity);

    private async Task<BotReply> RunAsync(Activity activity)
    {
        var before = host.Connector.Activities.Count;
        using var response = await host.PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        var sent = host.Connector.Activities.Skip(before).Where(a => a.ConversationId == _conversationId).ToList();
        var reply = new BotReply(response.StatusCode, sent, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body));

        // The clicked card is replaced first; a message the bot sent in the same turn appears below it, so it is the
        // card now in front of the user.
        if (reply.InvokeCard is { } replaced)
        {
            Card = new CardView(replaced) { MessageId = activity.ReplyToId ?? _cardMessageId };
        }

        foreach (var recorded in sent)
        {
            if (CardOf(recorded.Activity) is { } card)
            {
                _cardMessageId = recorded.ActivityId;
                Card = new CardView(card) { MessageId = recorded.ActivityId };
            }
        }

        return reply;
    }

    private static JsonObject? CardOf(Activity activity) =>
        activity.Attachments?.FirstOrDefault(a => a.ContentType == ContentTypes.AdaptiveCard)?.Content as JsonObject;
}

/// <summary>What the bot did in answer to one activity.</summary>
public sealed record BotReply(HttpStatusCode Status, IReadOnlyList<RecordedActivity> Sent, JsonNode? Body)
{
    /// <summary>The card returned as the invoke response (Action.Execute), if any.</summary>
    public JsonObject? InvokeCard => Body?["type"]?.GetValue<string>() == ContentTypes.AdaptiveCard ? Body["value"] as JsonObject : null;

    /// <summary>The text returned as an invoke message response, if any.</summary>
    public string? InvokeMessage => Body?["type"]?.GetValue<string>() == ContentTypes.ActivityMessage ? Body["value"]?.GetValue<string>() : null;

    /// <summary>The card the user now sees because of this reply: the invoke card, else the last card sent or updated.</summary>
    public CardView Card => InvokeCard is { } invoke ? new CardView(invoke)
        : Sent.LastOrDefault(s => s.Activity.Attachments?.Count > 0) is { } last ? new CardView((JsonObject)last.Activity.Attachments![0].Content!)
        : throw new InvalidOperationException($"The bot answered {(int)Status} without a card. Sent: {Sent.Count}.");
}
