namespace UserGroupClient;

/// <summary>The server did not accept the credentials: wrong secret, expired or unknown token, or a login that needs a step the SDK cannot do (such as MFA).</summary>
public class UserGroupAuthenticationException : UserGroupApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupAuthenticationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
