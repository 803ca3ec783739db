namespace UserGroupClient.Owl;

/// <summary>
/// Owl's envelope: handlers answer HTTP 200 and put the outcome in <c>code</c> (absent on login, refresh and the host-group
/// delete success) and <c>message</c>. A body is an error when <c>code</c> is present and not 200, or when it is the
/// host-group delete refusal, which carries <c>code</c> 200 (docs/wire/owl.md §4, §5).
/// </summary>
internal class OwlEnvelope
{
    /// <summary>The end of the message with which Owl refuses to delete a host group that still holds hosts.</summary>
    public const string NotEmptySuffix = " contains some host, is not allowed to delete";

    public int? Code { get; init; }

    public string? Message { get; init; }

    public static bool IsError(OwlEnvelope body) =>
        (body.Code is { } code && code != 200) || IsDeleteRefusal(body.Message);

    public static bool IsDeleteRefusal(string? message) =>
        message is not null && message.EndsWith(NotEmptySuffix, StringComparison.Ordinal);
}
