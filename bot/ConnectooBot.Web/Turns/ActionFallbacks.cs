using System.Text.Json.Nodes;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// Gives each Action.Execute a fallback Action.Submit whose data carries the verb, so the bot can handle the click
/// whichever way it arrives (teams-protocol.md §4.2: "give each Action.Execute a fallback of Action.Submit").
/// </summary>
internal static class ActionFallbacks
{
    public static void Add(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Action.Execute" && obj["fallback"] is null)
                {
                    var data = obj["data"] as JsonObject ?? [];
                    var submitData = (JsonObject)data.DeepClone();
                    submitData["verb"] = obj["verb"]?.DeepClone();
                    obj["fallback"] = new JsonObject
                    {
                        ["type"] = "Action.Submit",
                        ["title"] = obj["title"]?.DeepClone(),
                        ["data"] = submitData,
                    };
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Add(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Add(child);
                }

                break;
        }
    }
}
