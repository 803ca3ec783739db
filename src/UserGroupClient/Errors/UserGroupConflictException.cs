namespace UserGroupClient;

/// <summary>The change conflicts with the server's state, typically a group with the same name already exists.</summary>
public class UserGroupConflictException : UserGroupApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
