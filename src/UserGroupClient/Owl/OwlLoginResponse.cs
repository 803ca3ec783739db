namespace UserGroupClient.Owl;

/// <summary>A login or refresh answer: <c>{"token","expire"}</c> on success, with no <c>code</c>.</summary>
internal sealed class OwlLoginResponse : OwlEnvelope
{
    public string? Token { get; init; }

    public DateTimeOffset? Expire { get; init; }
}
