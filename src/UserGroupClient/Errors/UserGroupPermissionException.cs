namespace UserGroupClient;

/// <summary>The credentials are valid but lack the permission for this operation.</summary>
public class UserGroupPermissionException : UserGroupApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupPermissionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupPermissionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupPermissionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
