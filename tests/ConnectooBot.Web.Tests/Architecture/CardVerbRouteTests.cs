using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ConnectooBot.Protocol.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Web.Tests.Hosting;

namespace ConnectooBot.Web.Tests.Architecture;

/// <summary>
/// Every button a card template can show is handled, and every handler can be reached: the verbs of every
/// <c>Action.Execute</c> in <c>dialogs-content/cards</c> against the route table the host builds from the features.
/// </summary>
public sealed class CardVerbRouteTests : BotTest
{
    private RouteTable Routes => Bot.Services.GetRequiredService<RouteTable>();

    private static Dictionary<string, List<string>> VerbsOfCards()
    {
        var verbs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, card) in ContentLoader.LoadInterface(ContentPaths.Shipped).Templates)
        {
            foreach (var verb in Verbs(card))
            {
                (verbs.TryGetValue(verb, out var cards) ? cards : verbs[verb] = []).Add(name);
            }
        }

        return verbs;
    }

    private static IEnumerable<string> Verbs(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["verb"] is JsonValue v && v.TryGetValue<string>(out var verb) ? [verb] : Array.Empty<string>())
            .Concat(obj.SelectMany(p => Verbs(p.Value))),
        JsonArray array => array.SelectMany(Verbs),
        _ => [],
    };

    [Fact]
    public void TheTemplatesOfferButtons_ForTheCheckToMeanSomething()
    {
        Assert.True(VerbsOfCards().Count >= 15, $"only {VerbsOfCards().Count} verbs found in the templates");
    }

    [Fact]
    public void EveryVerbACardCanSend_HasARoute()
    {
        var unrouted = VerbsOfCards()
            .Where(v => !Routes.Verbs.Contains(v.Key))
            .Select(v => $"'{v.Key}' (in {string.Join(", ", v.Value)})")
            .ToList();

        Assert.Empty(unrouted);
    }

    [Fact]
    public void EveryRoutedVerb_IsOfferedBySomeCard()
    {
        var cardVerbs = VerbsOfCards();

        var unreachable = Routes.Verbs.Where(v => !cardVerbs.ContainsKey(v)).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(unreachable);
    }

    [Fact]
    public void EveryRoutedCommand_HasWordsInEveryLanguage()
    {
        var content = ContentLoader.LoadInterface(ContentPaths.Shipped);

        var missing = Routes.Commands.Keys
            .Where(c => !content.Commands.TryGetValue(c, out var byLanguage) || byLanguage.Count < 4 || byLanguage.Values.Any(words => words.Count == 0))
            .ToList();

        Assert.NotEmpty(Routes.Commands);
        Assert.Empty(missing);
    }
}
