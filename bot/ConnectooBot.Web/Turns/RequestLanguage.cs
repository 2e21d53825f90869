using ConnectooBot.Learning.Catalog;

namespace ConnectooBot.Web.Turns;

/// <summary>The language of a web page the bot serves (badge, my data, legal): <c>?lang=</c> first, then the browser's Accept-Language, then English.</summary>
public static class RequestLanguage
{
    public static string Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Primary(request.Query["lang"].ToString()) is { } requested)
        {
            return requested;
        }

        // Highest quality first; for equal quality the header's order (OrderByDescending is stable).
        foreach (var value in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(v => v.Quality ?? 1))
        {
            if (value.Quality is not 0 && Primary(value.Value.Value) is { } accepted)
            {
                return accepted;
            }
        }

        return Languages.English;
    }

    /// <summary>"nl-BE" → nl when it is a course language; otherwise null.</summary>
    private static string? Primary(string? tag)
    {
        var primary = tag?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return Languages.IsSupported(primary) ? primary : null;
    }
}
