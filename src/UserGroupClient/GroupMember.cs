namespace UserGroupClient;

/// <summary>A member of a group: a user, or a host on Owl's host-group service.</summary>
/// <param name="Id">The member's id.</param>
/// <param name="Name">The member's display name, when the server reports it.</param>
public sealed record GroupMember(string Id, string? Name = null)
{
    /// <summary>
    /// The member's unique name on its server, the one <see cref="IUserDirectory"/> resolves to <see cref="Id"/> and
    /// the same kind of value on every dialect: JumpServer's, Kylin's and Owl's <c>username</c> (on Kylin also the id),
    /// and for Owl host groups the host's <c>hostname</c>. <see langword="null"/> where the server has no unique user
    /// name (MinApp, whose user profiles carry only ids and a nickname).
    /// </summary>
    public string? UserName { get; init; }
}
