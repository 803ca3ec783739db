namespace UserGroupClient.Kylin;

/// <summary>Kylin's response envelope: <c>{"code": "000", "data": …, "msg": "…"}</c>; any other <c>code</c> is an error.</summary>
internal sealed record KylinEnvelope<T>
{
    /// <summary>The code that marks success.</summary>
    public const string Success = "000";

    public string? Code { get; init; }

    public T? Data { get; init; }

    public string? Msg { get; init; }

    public static bool IsError(KylinEnvelope<T> envelope) => envelope.Code != Success;
}
