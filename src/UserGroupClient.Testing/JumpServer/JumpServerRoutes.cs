namespace UserGroupClient.Testing.JumpServer;

/// <summary>Every URL the emulator serves, by area.</summary>
internal static class JumpServerRoutes
{
    public static RouteTable Create()
    {
        var routes = new RouteTable();
        GroupHandlers.Map(routes);
        RelationHandlers.Map(routes);
        UserHandlers.Map(routes);
        AuthHandlers.Map(routes);
        ResourceCacheHandlers.Map(routes);
        OrganizationHandlers.Map(routes);
        return routes;
    }
}
