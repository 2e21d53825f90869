using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Delivery;

/// <summary>
/// Guards the operator endpoints: 404 when <c>Ops:ApiKey</c> is not configured (they do not exist), 401 unless the
/// <c>X-Ops-Key</c> header matches. Both sides are hashed first, so the comparison takes the same time whatever the
/// key's length or content.
/// </summary>
internal sealed class OpsKeyFilter(IOptions<OpsOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Ops-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (string.IsNullOrEmpty(options.Value.ApiKey))
        {
            return Results.NotFound();
        }

        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!Matches(presented, options.Value.ApiKey))
        {
            return Results.Unauthorized();
        }

        return await next(context);
    }

    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
