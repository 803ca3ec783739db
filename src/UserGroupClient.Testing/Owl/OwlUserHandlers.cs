using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Owl;

/// <summary><c>/api/v1/users</c>: list, create (PUT, admin only), update (POST), delete (admin only).</summary>
internal sealed class OwlUserHandlers(OwlState state)
{
    public OwlReply List(OwlRequest request)
    {
        var q = request.Query("q") ?? "";
        var groupId = request.QueryInt("group_id", 0);
        var status = request.QueryInt("status", -1);
        var hasNull = request.QueryInt("hasNull", 0);
        var page = request.QueryInt("page", 1);
        var pageSize = request.QueryInt("pageSize", 10);

        var matches = Enumerable.Reverse(state.Users)
            .Where(u => q.Length == 0 || new[] { u.Username, u.Phone, u.Weixin, u.Mail }.Any(v => v.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .Where(u => groupId == 0 || state.FindUserGroup(groupId)?.UserIds.Contains(u.Id) == true)
            .Where(u => status == -1 || u.Status == status)
            .Where(u => hasNull == 0 || u.Phone.Length == 0 || u.Mail.Length == 0 || u.Weixin.Length == 0)
            .ToList();
        var shown = page == 0 ? matches : matches.Skip(Math.Max(0, (page - 1) * pageSize)).Take(Math.Max(0, pageSize));
        return OwlReply.Ok(
            ("users", OwlSerializer.Array(shown.Select(u => OwlSerializer.User(state, u, withGroups: true)))),
            ("total", matches.Count));
    }

    public OwlReply Create(OwlRequest request)
    {
        var body = request.BodyObject();
        var username = OwlRequest.String(body, "username");
        var phone = OwlRequest.String(body, "phone");
        var groups = OwlRequest.Objects(body, "groups").Select(g => OwlRequest.Int(g, "id")).ToList();
        if (username.Length == 0 || phone.Length == 0)
        {
            return OwlReply.Envelope(400, "The username and phone number are not allowed to be empty");
        }

        if (state.FindUser(username) is not null)
        {
            return OwlReply.Envelope(400, "username already exists");
        }

        // A user created through the API gets the MD5 of its username as password.
        var user = state.AddUser(username, OwlState.Md5(username), OwlRequest.Int(body, "role"), OwlRequest.Int(body, "status"), phone, OwlRequest.String(body, "mail"), OwlRequest.String(body, "weixin"));
        state.ReplaceUserGroups(user, groups);
        return OwlReply.Ok(("message", "user create successful"), ("user", OwlSerializer.User(state, user, withGroups: true)));
    }

    public OwlReply Update(OwlRequest request)
    {
        var body = request.BodyObject();
        var id = OwlRequest.Int(body, "id");
        var fields = (
            Username: OwlRequest.String(body, "username"),
            Role: OwlRequest.Int(body, "role"),
            Phone: OwlRequest.String(body, "phone"),
            Mail: OwlRequest.String(body, "mail"),
            Weixin: OwlRequest.String(body, "weixin"),
            Status: OwlRequest.Int(body, "status"));
        var groups = OwlRequest.Objects(body, "groups").Select(g => OwlRequest.Int(g, "id")).ToList();
        if (request.User.Role != 1 && request.User.Id != id)
        {
            return OwlReply.Envelope(403, "You don't have permission to access.");
        }

        // Save updates no row for an unknown id, and the group replace then fails on the foreign key if it adds any.
        var user = state.FindUser(id);
        if (user is null)
        {
            return groups.Count == 0 ? OwlReply.Ok(("message", "user update successful")) : OwlReply.Envelope(500, OwlState.FkError);
        }

        if (state.Users.Any(u => u.Id != id && OwlState.SameName(u.Username, fields.Username)))
        {
            return OwlReply.Envelope(500, $"Error 1062: Duplicate entry '{fields.Username}' for key 'username'");
        }

        // Save writes every column: omitted fields become zero values.
        (user.Username, user.Role, user.Phone, user.Mail, user.Weixin, user.Status) = fields;
        return state.ReplaceUserGroups(user, groups)
            ? OwlReply.Ok(("message", "user update successful"))
            : OwlReply.Envelope(500, OwlState.FkError);
    }

    public OwlReply Delete(OwlRequest request)
    {
        var user = state.FindUser(request.RouteId);
        if (user is null)
        {
            return OwlReply.Envelope(404, "The user not found");
        }

        state.ReplaceUserGroups(user, []);
        state.Users.Remove(user);
        return OwlReply.Envelope(200, $"{user.Username} delete successful");
    }
}
