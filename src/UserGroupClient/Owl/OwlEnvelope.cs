using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>
/// Owl's envelope: handlers answer HTTP 200 and put the outcome in <c>code</c> (absent on login, refresh and the host-group
/// delete success) and <c>message</c>. A body is an error when <c>code</c> is present and not 200, or when it is the
/// host-group delete refusal, which carries <c>code</c> 200 (docs/wire/owl.md §4, §5). Such a body raises
/// <see cref="BodyErrorException"/> as soon as it is parsed, so the call fails through the dialect's mapper instead of
/// returning it.
/// </summary>
internal class OwlEnvelope : IJsonOnDeserialized
{
    /// <summary>The end of the message with which Owl refuses to delete a host group that still holds hosts.</summary>
    public const string NotEmptySuffix = " contains some host, is not allowed to delete";

    public int? Code { get; init; }

    public string? Message { get; init; }

    public static bool IsDeleteRefusal(string? message) =>
        message is not null && message.EndsWith(NotEmptySuffix, StringComparison.Ordinal);

    void IJsonOnDeserialized.OnDeserialized()
    {
        if ((Code is { } code && code != 200) || IsDeleteRefusal(Message))
        {
            throw new BodyErrorException();
        }
    }
}
