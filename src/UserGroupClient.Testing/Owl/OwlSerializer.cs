using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Owl;

/// <summary>Writes rows the way Owl v4's Go types serialize them (docs/wire/owl.md §6).</summary>
internal static class OwlSerializer
{
    public static JsonObject User(OwlState state, OwlUserRow user, bool withGroups)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["username"] = user.Username,
            ["role"] = user.Role,
            ["phone"] = user.Phone,
            ["mail"] = user.Mail,
            ["weixin"] = user.Weixin,
            ["status"] = user.Status,
        };
        if (withGroups)
        {
            json["groups"] = new JsonArray(state.GroupsOf(user).Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["name"] = g.Name }).ToArray());
        }

        return json;
    }

    public static JsonObject UserGroup(OwlState state, OwlUserGroupRow group) => new()
    {
        ["id"] = group.Id,
        ["name"] = group.Name,
        ["users"] = new JsonArray(group.UserIds.Select(state.FindUser).OfType<OwlUserRow>().Select(u => (JsonNode)User(state, u, withGroups: false)).ToArray()),
    };

    public static JsonObject HostGroup(OwlHostGroupRow group) => new() { ["id"] = group.Id, ["name"] = group.Name };

    public static JsonObject HostGroupWithHosts(OwlState state, OwlHostGroupRow group)
    {
        var json = HostGroup(group);
        json["hosts"] = new JsonArray(group.HostIds.Select(state.FindHost).OfType<OwlHostRow>().Select(h => (JsonNode)Host(h)).ToArray());
        return json;
    }

    public static JsonObject Host(OwlHostRow host) => new()
    {
        ["id"] = host.Id,
        ["name"] = host.Name,
        ["ip"] = host.Ip,
        ["sn"] = host.Sn,
        ["hostname"] = host.Hostname,
        ["agent_version"] = host.AgentVersion,
        ["status"] = host.Status,
    };

    /// <summary>A host with the list wrapper's extras, as paged <c>/api/v1/hosts</c> fills them.</summary>
    public static JsonObject HostWithExtras(OwlState state, OwlHostRow host)
    {
        var json = Host(host);
        json["groups"] = new JsonArray(state.GroupsOf(host).Select(g => (JsonNode)HostGroup(g)).ToArray());
        json["metrics"] = 0;
        json["plugins"] = 0;
        json["strategies"] = 0;
        return json;
    }

    public static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Select(item => (JsonNode)item).ToArray());
}
