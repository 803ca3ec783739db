namespace UserGroupClient.Owl;

/// <summary><c>PUT</c> and <c>POST /api/v1/groups</c>: <c>{"code","message","group"}</c>.</summary>
internal sealed class OwlHostGroupResponse : OwlEnvelope
{
    public OwlHostGroup? Group { get; init; }
}
