namespace UserGroupClient.Testing.Owl;

/// <summary><c>GET /api/v1/hosts</c>: ordered by status; paged only when <c>page</c> is given and not 0.</summary>
internal sealed class OwlHostHandlers(OwlState state)
{
    public OwlReply List(OwlRequest request)
    {
        var groupId = request.Query("group_id") is null ? (int?)null : request.QueryInt("group_id", 0);
        var status = request.Query("status");
        var q = request.Query("q") ?? "";
        var page = request.QueryInt("page", 0);
        var pageSize = request.QueryInt("pageSize", 10);

        var matches = state.Hosts
            .Where(h => groupId is null || (groupId == 0 ? !state.GroupsOf(h).Any() : state.FindHostGroup(groupId.Value)?.HostIds.Contains(h.Id) == true))
            .Where(h => string.IsNullOrEmpty(status) || h.Status == status)
            .Where(h => q.Length == 0 || new[] { h.Name, h.Hostname, h.Ip }.Any(v => v.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(h => h.Status, StringComparer.Ordinal)
            .ToList();
        var hosts = page <= 0
            ? matches.Select(OwlSerializer.Host)
            : matches.Skip((page - 1) * Math.Max(0, pageSize)).Take(Math.Max(0, pageSize)).Select(h => OwlSerializer.HostWithExtras(state, h));
        return OwlReply.Ok(("hosts", OwlSerializer.Array(hosts)), ("total", matches.Count));
    }
}
