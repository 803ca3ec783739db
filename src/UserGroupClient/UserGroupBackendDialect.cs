namespace UserGroupClient;

/// <summary>
/// What a backend of <c>AddUserGroupBackends</c> is, as its <c>Dialect</c> key names it: a server, and for Owl which of
/// its two group services the backend's <see cref="IUserGroupService"/> is.
/// </summary>
public enum UserGroupBackendDialect
{
    /// <summary>JumpServer user groups; members by <c>username</c>.</summary>
    JumpServer,

    /// <summary>MinApp groups (a supergroup is a group's parent); no unique user name, so no <see cref="IUserDirectory"/>.</summary>
    MinApp,

    /// <summary>Kylin (KAP / KE 3.x v2) user groups; a member's id is its user name.</summary>
    Kylin,

    /// <summary>Owl host groups; members are hosts, by <c>hostname</c>.</summary>
    OwlHostGroups,

    /// <summary>Owl user groups; members by <c>username</c>.</summary>
    OwlUserGroups,
}
