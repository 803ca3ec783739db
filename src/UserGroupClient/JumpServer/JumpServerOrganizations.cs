namespace UserGroupClient.JumpServer;

/// <summary>The ids of JumpServer's built-in organizations, for <see cref="JumpServerClientOptions.OrganizationId"/>.</summary>
public static class JumpServerOrganizations
{
    /// <summary>The DEFAULT organization, used when no organization is configured.</summary>
    public const string Default = "00000000-0000-0000-0000-000000000002";

    /// <summary>The ROOT ("GLOBAL") organization: lists span every organization, but groups cannot be created in it.</summary>
    public const string Root = "00000000-0000-0000-0000-000000000000";

    /// <summary>The SYSTEM organization.</summary>
    public const string System = "00000000-0000-0000-0000-000000000004";

    /// <summary>
    /// Checks an organization id. JumpServer silently falls back to DEFAULT for an unknown or malformed value,
    /// so a malformed one is refused here rather than sent, and a well-formed one is sent in lower case, the form the
    /// server finds it in.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a GUID.</exception>
    public static string Validate(string organizationId, string parameterName)
    {
        if (!Guid.TryParseExact(organizationId, "D", out var id))
        {
            throw new ArgumentException($"A JumpServer organization id must be a GUID such as {Default}; '{organizationId}' is not. An unknown value would silently select the DEFAULT organization.", parameterName);
        }

        // Sent in lower case: JumpServer looks the header up as text among the lower-case ids of its organizations
        // (Organization.orgs_mapping), and an upper-case id, found nowhere, would silently select DEFAULT.
        return id.ToString();
    }
}
