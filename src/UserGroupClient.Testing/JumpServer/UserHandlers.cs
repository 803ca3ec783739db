namespace UserGroupClient.Testing.JumpServer;

/// <summary>The read side of <c>UserViewSet</c>: the current organization's users, with the group filters of <c>apps/users/filters.py</c>.</summary>
internal static class UserHandlers
{
    public static void Map(RouteTable routes)
    {
        routes.Map("/api/v1/users/users/", new Dictionary<string, Endpoint> { ["GET"] = new(Access.Admin, List) });
        routes.Map("/api/v1/users/users/{id}/", new Dictionary<string, Endpoint> { ["GET"] = new(Access.Admin, Retrieve) });
    }

    private static ValueTask<ApiResult> List(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var rows = Filter(request, request.State.MembersOf(request.Organization))
                .OrderBy(user => user.Username, StringComparer.Ordinal)
                .ToList();
            return ValueTask.FromResult(Pagination.Respond(request, rows, user => UserSerializer.Serialize(request, user)));
        }
    }

    private static ValueTask<ApiResult> Retrieve(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var found = PythonValues.TryNormalizeUuid(request.RouteId, out var id)
                ? request.State.MembersOf(request.Organization).FirstOrDefault(user => user.Id == id)
                : null;
            return ValueTask.FromResult(found is null
                ? ApiErrors.NotFound(request.Settings, "User", malformedId: id.Length == 0)
                : ApiResult.Json(200, UserSerializer.Serialize(request, found)));
        }
    }

    private static IEnumerable<JumpServerEmulatedUser> Filter(JumpServerRequest request, IEnumerable<JumpServerEmulatedUser> users)
    {
        var query = request.Query;
        var state = request.State;
        foreach (var term in GroupQuery.SearchTerms(query.Get("search")))
        {
            users = users.Where(user =>
                user.Username.Contains(term, StringComparison.OrdinalIgnoreCase)
                || user.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || user.Email.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        if (query.GetNonEmpty("id") is { } id)
        {
            var ids = GroupQuery.IdSet([id])!;
            users = users.Where(user => ids.Contains(user.Id));
        }

        if (query.GetNonEmpty("username") is { } username)
        {
            users = users.Where(user => user.Username == username);
        }

        if (query.GetNonEmpty("name") is { } name)
        {
            users = users.Where(user => user.Name == name);
        }

        if (query.GetNonEmpty("email") is { } email)
        {
            users = users.Where(user => user.Email == email);
        }

        if (query.GetNonEmpty("group_id") is { } groupId)
        {
            var members = MembersOfGroups(state, GroupQuery.IdSet([groupId])!);
            users = users.Where(members.Contains);
        }

        if (query.GetNonEmpty("exclude_group_id") is { } excludedGroupId)
        {
            var members = MembersOfGroups(state, GroupQuery.IdSet([excludedGroupId])!);
            users = users.Where(user => !members.Contains(user));
        }

        if (query.GetNonEmpty("groups") is { } groupName)
        {
            var named = state.Groups.Where(group => group.Name.Equals(groupName, StringComparison.OrdinalIgnoreCase)).Select(group => group.Id);
            var members = MembersOfGroups(state, named.ToHashSet(StringComparer.Ordinal));
            users = users.Where(members.Contains);
        }

        return users;
    }

    private static HashSet<JumpServerEmulatedUser> MembersOfGroups(JumpServerState state, HashSet<string> groupIds) =>
        state.Memberships
            .Where(row => groupIds.Contains(row.GroupId))
            .Select(row => state.FindUser(row.UserId))
            .OfType<JumpServerEmulatedUser>()
            .ToHashSet();
}
