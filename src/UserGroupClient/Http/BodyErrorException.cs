namespace UserGroupClient.Http;

/// <summary>
/// Raised while a success body is parsed, by an envelope that finds an error code in it (vendors that answer HTTP 200
/// or 500 with the error in the body); the exception factories hand the body to the dialect's mapper instead.
/// </summary>
internal sealed class BodyErrorException : Exception
{
    // Stryker disable once String : the exception never leaves the SDK: the exception factory and the streamed parser catch it and map the body instead, so its message is shown nowhere
    public BodyErrorException()
        : base("The answer's body reports an error.")
    {
    }
}
