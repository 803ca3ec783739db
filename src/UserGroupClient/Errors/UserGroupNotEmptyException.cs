namespace UserGroupClient;

/// <summary>The group still holds members (Owl host groups with hosts) and the server refuses to delete it.</summary>
public class UserGroupNotEmptyException : UserGroupApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupNotEmptyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupNotEmptyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupNotEmptyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
