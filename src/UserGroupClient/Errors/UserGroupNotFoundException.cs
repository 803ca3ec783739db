namespace UserGroupClient;

/// <summary>The requested group, member or resource does not exist (HTTP 404 or the vendor's not-found code).</summary>
public class UserGroupNotFoundException : UserGroupApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
