namespace UserGroupClient.Testing.Owl;

/// <summary>What <c>DELETE /api/v1/groups/{id}</c> does with a host group that still holds hosts.</summary>
public enum OwlHostGroupDeleteMode
{
    /// <summary>
    /// What Owl v4's code does (the default): the group is deleted with its host memberships and the answer is
    /// <c>{"message":"delete success"}</c>.
    /// </summary>
    Cascade,

    /// <summary>
    /// The rule of the vendor's documentation: nothing is deleted and the answer is HTTP 200
    /// <c>{"code":200,"message":"&lt;name&gt; contains some host, is not allowed to delete"}</c>.
    /// </summary>
    Refuse,
}
