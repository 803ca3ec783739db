namespace UserGroupClient;

/// <summary>
/// Marks a Refit method of your own (<c>client.CreateApi&lt;TApi&gt;()</c>) can set on its requests, as the SDK's own
/// methods do, with a Refit <c>[Property]</c> parameter: <c>[Property(UserGroupRequestProperties.CreatesResource)] bool creates = true</c>.
/// </summary>
public static class UserGroupRequestProperties
{
    /// <summary>
    /// The call creates something, so sending it twice could create it twice: the retries never resend it, whatever
    /// its method. POST and PATCH are never resent anyway; mark a PUT that creates.
    /// </summary>
    public const string CreatesResource = "UserGroupClient.CreatesResource";

    /// <summary>
    /// The success must carry a body: an empty body or JSON <c>null</c> raises <see cref="UserGroupApiException"/>
    /// with the request and status (Refit alone would return <see langword="null"/>).
    /// </summary>
    public const string BodyRequired = "UserGroupClient.BodyRequired";

    /// <summary>
    /// The method returns a <see cref="Stream"/> to be parsed as it arrives (a large page): the body is not read
    /// whole first, and reading it stays under the call's timeout and the response size limit.
    /// </summary>
    public const string StreamedResponse = "UserGroupClient.StreamedResponse";
}
