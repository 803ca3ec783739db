namespace UserGroupClient;

/// <summary>The server throttled the request (HTTP 429).</summary>
public class UserGroupRateLimitedException : UserGroupApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupRateLimitedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the server asked the caller to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
