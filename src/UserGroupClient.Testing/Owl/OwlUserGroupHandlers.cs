using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Owl;

/// <summary><c>/api/v1/usergroups</c>: list, create (PUT), update (POST, array body), delete.</summary>
internal sealed class OwlUserGroupHandlers(OwlState state)
{
    public OwlReply List(OwlRequest request)
    {
        var q = request.Query("q") ?? "";
        var groups = state.UserGroups.Where(g => g.Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        return OwlReply.Ok(("groups", OwlSerializer.Array(groups.Select(g => OwlSerializer.UserGroup(state, g)))));
    }

    public OwlReply Create(OwlRequest request)
    {
        var body = request.BodyObject();
        var name = OwlRequest.String(body, "name");
        var users = OwlRequest.Objects(body, "users").Select(u => OwlRequest.Int(u, "id")).ToList();
        if (state.UserGroups.Any(g => OwlState.SameName(g.Name, name)))
        {
            return OwlReply.Envelope(400, "user group already exists");
        }

        if (name.Length > 255)
        {
            return OwlReply.Envelope(500, OwlState.TooLongError);
        }

        var group = state.AddUserGroup(name, users);
        return OwlReply.Ok(("message", "group create successful"), ("group", OwlSerializer.UserGroup(state, group)));
    }

    public OwlReply Update(OwlRequest request)
    {
        var items = request.BodyArray()
            .Select(item => item as JsonObject ?? throw new OwlBadRequestException("json: cannot unmarshal into Go value of type types.UserGroup"))
            .Select(item => (Id: OwlRequest.Int(item, "id"), Name: OwlRequest.String(item, "name"), Users: OwlRequest.Objects(item, "users"), UsersSent: item["users"] is not null))
            .ToList();
        var answer = new List<JsonObject>();
        foreach (var (id, name, users, usersSent) in items)
        {
            // The handler loads each known group over the request's object, so the stored name wins; unknown groups are
            // skipped, and so are unknown users (the handler ignores the join table's errors).
            var echoedName = name;
            if (state.FindUserGroup(id) is { } group)
            {
                if (state.Options.ApplyUserGroupRenames && name.Length > 0)
                {
                    group.Name = name;
                }

                echoedName = group.Name;
                group.UserIds = users.Select(u => OwlRequest.Int(u, "id")).Where(u => state.FindUser(u) is not null).Distinct().ToList();
            }

            // The answer is the request's array as the Go structs hold it: unknown groups as sent, users as sent.
            answer.Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = echoedName,
                ["users"] = usersSent ? OwlSerializer.Array(users.Select(u => OwlSerializer.User(state, EchoedUser(u), withGroups: false))) : null,
            });
        }

        return OwlReply.Ok(("message", "user group update successful"), ("groups", OwlSerializer.Array(answer)));
    }

    public OwlReply Delete(OwlRequest request)
    {
        if (state.FindUserGroup(request.RouteId) is not { } group)
        {
            return OwlReply.Envelope(404, "The usergroup not found");
        }

        state.UserGroups.Remove(group);
        return OwlReply.Envelope(200, $"{group.Name} delete successful");
    }

    private static OwlUserRow EchoedUser(JsonObject user) => new()
    {
        Id = OwlRequest.Int(user, "id"),
        Username = OwlRequest.String(user, "username"),
        Role = OwlRequest.Int(user, "role"),
        Phone = OwlRequest.String(user, "phone"),
        Mail = OwlRequest.String(user, "mail"),
        Weixin = OwlRequest.String(user, "weixin"),
        Status = OwlRequest.Int(user, "status"),
    };
}
