namespace UserGroupClient.Owl;

/// <summary><c>PUT /api/v1/users</c>: <c>{"code","message","user"}</c>.</summary>
internal sealed class OwlUserResponse : OwlEnvelope
{
    public OwlUser? User { get; init; }
}
