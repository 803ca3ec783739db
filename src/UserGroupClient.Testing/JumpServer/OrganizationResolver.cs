namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// JumpServer's <c>get_org_from_request</c>: the first non-empty of <c>?oid=</c>, the <c>X-JMS-ORG</c> header and the
/// <c>X-JMS-ORG</c> cookie names the organization; anything unknown or malformed silently means DEFAULT.
/// </summary>
internal static class OrganizationResolver
{
    /// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
    public static OrgScope Resolve(JumpServerRequest request)
    {
        var value = request.Query.GetNonEmpty("oid");
        if (string.IsNullOrEmpty(value))
        {
            value = request.Header("X-JMS-ORG");
        }

        if (string.IsNullOrEmpty(value))
        {
            value = request.Http.Request.Cookies["X-JMS-ORG"];
        }

        var state = request.State;
        var id = value?.ToLowerInvariant() switch
        {
            null or "" or "default" => JumpServerEmulator.DefaultOrganizationId,
            "root" => JumpServerEmulator.RootOrganizationId,
            "system" when !state.Settings.IsV2 => JumpServerEmulator.SystemOrganizationId,
            _ when PythonValues.TryNormalizeUuid(value, out var uuid) && (uuid == JumpServerEmulator.RootOrganizationId || state.FindOrganization(uuid) is not null) => uuid,
            _ => state.FindOrganizationByName(value!)?.Id ?? JumpServerEmulator.DefaultOrganizationId,
        };

        if (id == JumpServerEmulator.RootOrganizationId)
        {
            return new OrgScope(id, "GLOBAL");
        }

        return new OrgScope(id, state.FindOrganization(id)!.Name);
    }
}
