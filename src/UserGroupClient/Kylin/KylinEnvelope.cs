using System.Text.Json.Serialization;
using UserGroupClient.Http;

namespace UserGroupClient.Kylin;

/// <summary>
/// Kylin's response envelope: <c>{"code": "000", "data": …, "msg": "…"}</c>; any other <c>code</c> is an error, which
/// parsing reports as <see cref="BodyErrorException"/> so that the dialect's mapper reads the body (docs/wire/kylin.md §2).
/// </summary>
internal sealed record KylinEnvelope<T> : IJsonOnDeserialized
{
    /// <summary>The code that marks success.</summary>
    public const string Success = "000";

    public string? Code { get; init; }

    public T? Data { get; init; }

    public string? Msg { get; init; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Code != Success)
        {
            throw new BodyErrorException();
        }
    }
}
