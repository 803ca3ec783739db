namespace UserGroupClient.Testing.JumpServer;

/// <summary>The organization a request acts in.</summary>
internal sealed record OrgScope(string Id, string Name)
{
    public bool IsRoot => Id == JumpServerEmulator.RootOrganizationId;

    public bool Contains(string organizationId) => IsRoot || organizationId == Id;
}
