namespace UserGroupClient;

/// <summary>The server rejected the request's content; <see cref="FieldErrors"/> lists the messages per field.</summary>
public class UserGroupValidationException : UserGroupApiException
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFieldErrors =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Creates the exception with a default message.</summary>
    public UserGroupValidationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserGroupValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public UserGroupValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The messages per field, as the server sent them (localized text: react to the keys, not the words).
    /// Errors that belong to no field are under <c>non_field_errors</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; init; } = NoFieldErrors;
}
