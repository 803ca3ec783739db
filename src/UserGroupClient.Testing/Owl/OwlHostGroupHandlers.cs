using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Owl;

/// <summary><c>/api/v1/groups</c>: list, create (PUT), update (POST, hosts replaced), delete (cascades, or refuses while hosts remain: <see cref="OwlHostGroupDeleteMode"/>), and a group's hosts.</summary>
internal sealed class OwlHostGroupHandlers(OwlState state)
{
    private const string NotFound = "group not found";

    public OwlReply List(OwlRequest request)
    {
        var q = request.Query("q") ?? "";
        var groups = state.HostGroups.Where(g => g.Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        return OwlReply.Ok(("groups", OwlSerializer.Array(groups.Select(OwlSerializer.HostGroup))));
    }

    public OwlReply Create(OwlRequest request)
    {
        var body = request.BodyObject();
        var name = OwlRequest.String(body, "name");
        var hosts = OwlRequest.Objects(body, "hosts").Select(h => OwlRequest.String(h, "id")).ToList();
        if (state.HostGroups.Any(g => OwlState.SameName(g.Name, name)))
        {
            return OwlReply.Envelope(400, "group already exists");
        }

        if (name.Length > 255)
        {
            return OwlReply.Envelope(500, OwlState.TooLongError);
        }

        var group = state.AddHostGroup(name, hosts);
        return OwlReply.Ok(("message", "group create successful"), ("group", OwlSerializer.HostGroupWithHosts(state, group)));
    }

    public OwlReply Update(OwlRequest request)
    {
        var body = request.BodyObject();
        var id = OwlRequest.Int(body, "id");
        var name = OwlRequest.String(body, "name");
        var hosts = OwlRequest.Objects(body, "hosts");
        var hostIds = hosts.Select(h => OwlRequest.String(h, "id")).ToList();
        if (name.Length > 255)
        {
            return OwlReply.Envelope(500, OwlState.TooLongError);
        }

        if (state.HostGroups.Any(g => g.Id != id && OwlState.SameName(g.Name, name)))
        {
            return OwlReply.Envelope(500, $"Error 1062: Duplicate entry '{name}' for key 'idx_name'");
        }

        // gorm's Save inserts when the key is zero and updates nothing when it is unknown.
        var group = id == 0 ? state.AddHostGroup(name, []) : state.FindHostGroup(id);
        if (group is null)
        {
            return hostIds.Count == 0 ? Echo(id, name, hosts) : OwlReply.Envelope(500, OwlState.FkError);
        }

        group.Name = name;
        group.HostIds = hostIds.Where(h => state.FindHost(h) is not null).Distinct(StringComparer.Ordinal).ToList();
        return hostIds.All(h => state.FindHost(h) is not null) ? Echo(group.Id, name, hosts) : OwlReply.Envelope(500, OwlState.FkError);
    }

    public OwlReply Delete(OwlRequest request)
    {
        if (state.FindHostGroup(request.RouteId) is not { } group)
        {
            return OwlReply.Envelope(404, NotFound);
        }

        if (group.HostIds.Count > 0 && state.Options.HostGroupDeleteMode == OwlHostGroupDeleteMode.Refuse)
        {
            return OwlReply.Envelope(200, $"{group.Name} contains some host, is not allowed to delete");
        }

        state.HostGroups.Remove(group);
        return new OwlReply(200, new JsonObject { ["message"] = "delete success" });
    }

    public OwlReply ListHosts(OwlRequest request)
    {
        if (state.FindHostGroup(request.RouteId) is not { } group)
        {
            return OwlReply.Envelope(404, NotFound);
        }

        var status = request.Query("status");
        var q = request.Query("q") ?? "";
        var page = request.QueryInt("page", 1);
        var pageSize = request.QueryInt("pageSize", 10);
        if (page < 1 || pageSize < 0)
        {
            // The handler computes a negative OFFSET, which MySQL refuses.
            return OwlReply.Envelope(500, "Error 1064: You have an error in your SQL syntax near 'OFFSET -" + pageSize + "'");
        }

        var hosts = group.HostIds.Select(state.FindHost).OfType<OwlHostRow>()
            .Where(h => string.IsNullOrEmpty(status) || h.Status == status)
            .Where(h => q.Length == 0 || new[] { h.Name, h.Hostname, h.Ip }.Any(v => v.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToList();
        if (hosts.Count == 0)
        {
            return OwlReply.Ok(("hosts", new JsonArray()));
        }

        return OwlReply.Ok(("hosts", OwlSerializer.Array(hosts.Select(OwlSerializer.Host))), ("metric_count", 0), ("host_count", hosts.Count));
    }

    // The update answer echoes the request's group as the Go struct serializes it, not the stored rows.
    private static OwlReply Echo(int id, string name, List<JsonObject> hosts) =>
        OwlReply.Ok(
            ("message", "group update successful"),
            ("group", new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["hosts"] = OwlSerializer.Array(hosts.Select(h => OwlSerializer.Host(new OwlHostRow
                {
                    Id = OwlRequest.String(h, "id"),
                    Name = OwlRequest.String(h, "name"),
                    Ip = OwlRequest.String(h, "ip"),
                    Sn = OwlRequest.String(h, "sn"),
                    Hostname = OwlRequest.String(h, "hostname"),
                    AgentVersion = OwlRequest.String(h, "agent_version"),
                    Status = OwlRequest.String(h, "status"),
                }))),
            }));
}
