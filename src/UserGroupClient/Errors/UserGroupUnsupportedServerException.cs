namespace UserGroupClient;

/// <summary>
/// The server does not speak the API version the dialect supports (for example a Kylin client pointed at Apache Kylin
/// or Kylin 5): the message names what the server answered and which versions are supported. Retrying cannot help;
/// point the client at a supported server. <see cref="UserGroupApiException.StatusCode"/> keeps the status the server sent.
/// </summary>
public class UserGroupUnsupportedServerException : UserGroupApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupUnsupportedServerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupUnsupportedServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupUnsupportedServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
