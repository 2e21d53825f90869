using System.Net;

namespace ConnectooBot.Protocol.Connector;

/// <summary>A connector call that did not succeed, with the typed reason and Teams' error code.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(ConnectorFailure failure, HttpStatusCode? statusCode, string? errorCode, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public ConnectorFailure Failure { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Teams' <c>error.code</c> (or sub-code), when the body had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's Retry-After, when it sent one (throttling).</summary>
    public TimeSpan? RetryAfter { get; }
}
