namespace UserGroupClient.Owl;

/// <summary>The values of <see cref="OwlUser.Role"/>.</summary>
public static class OwlUserRoles
{
    /// <summary>An ordinary user: may not create or delete users.</summary>
    public const int User = 0;

    /// <summary>An administrator.</summary>
    public const int Admin = 1;
}
