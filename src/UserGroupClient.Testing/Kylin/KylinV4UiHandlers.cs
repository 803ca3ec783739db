using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Kylin 5's and KE 4's <c>NUserGroupController</c> (the web UI's v4 API, groups addressed by <c>uuid</c>), which also
/// serves the open API's create-with-body, member updates and batches, and <c>NUserGroupControllerV2</c>'s
/// <c>usersWithGroup</c> (docs/wire/kylin.md §12.2). Every call is for <c>ROLE_ADMIN</c> only.
/// </summary>
internal sealed class KylinV4UiHandlers(KylinState state, KylinV4GroupService groups)
{
    public Task ListGroupsAsync(KylinV4Call call)
    {
        var query = call.Context.Request.Query;
        if (!KylinV4Requests.TryReadBoolean(query, "is_case_sensitive", out var caseSensitive, out var error)
            || !KylinV4Requests.TryReadPage(query, "page_offset", "page_size", out var offset, out var size, out error))
        {
            return Fail(call, error!);
        }

        JsonNode? data;
        lock (state.Sync)
        {
            if (!call.Caller.IsAdmin)
            {
                return Fail(call, KylinV4Failures.AccessDenied);
            }

            var filter = query["name"].ToString();
            var names = state.Groups.Keys
                .Where(group => string.IsNullOrWhiteSpace(filter) || group.Contains(filter, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                .ToList();

            // KE 4's UI lists every name at once; Kylin 5 pages them like the open API.
            if (state.Flavor == KylinEmulatorFlavor.KyligenceEnterprise4)
            {
                data = new JsonArray(names.Select(name => (JsonNode?)name).ToArray());
            }
            else
            {
                (var page, error) = KylinV4Requests.Page(names, offset, size, name => name);
                data = page;
            }
        }

        return data is null ? Fail(call, error!) : KylinV4Requests.OkAsync(call, data, "get groups");
    }

    public Task ListMembersAsync(KylinV4Call call)
    {
        var query = call.Context.Request.Query;
        if (!KylinV4Requests.TryReadPage(query, "page_offset", "page_size", out var offset, out var size, out var error))
        {
            return Fail(call, error!);
        }

        JsonObject? page;
        lock (state.Sync)
        {
            if (!call.Caller.IsAdmin)
            {
                return Fail(call, KylinV4Failures.AccessDenied);
            }

            if (groups.FindByUuid(call.Name) is not { } name)
            {
                return Fail(call, KylinV4Failures.UnknownUuid(call.Name));
            }

            var filter = query["name"].ToString();
            var members = state.MembersOf(name)
                .Where(user => string.IsNullOrWhiteSpace(filter) || user.Username.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            (page, error) = KylinV4Requests.Page(members, offset, size, ManagedUser);
        }

        return page is null ? Fail(call, error!) : KylinV4Requests.OkAsync(call, page, "get groups members");
    }

    public Task ListUsersWithGroupAsync(KylinV4Call call)
    {
        var query = call.Context.Request.Query;
        if (!KylinV4Requests.TryReadPage(query, "page_offset", "page_size", out var offset, out var size, out var error))
        {
            return Fail(call, error!);
        }

        JsonObject? page;
        lock (state.Sync)
        {
            if (!call.Caller.IsAdmin)
            {
                return Fail(call, KylinV4Failures.AccessDenied);
            }

            var matching = Matching(query["user_group_name"].ToString());
            (page, error) = KylinV4Requests.Page(matching, offset, size, group => GroupWithUsers(group, withId: true));

            // The page comes back with the total only: offset and limit stay 0.
            if (page is not null)
            {
                page["offset"] = 0;
                page["limit"] = 0;
            }
        }

        return page is null ? Fail(call, error!) : KylinV4Requests.OkAsync(call, page, "get users with group and id");
    }

    public Task ListUsersWithGroupV2Async(KylinV4Call call)
    {
        var query = call.Context.Request.Query;
        if (!KylinV4Requests.TryReadPage(query, "pageOffset", "pageSize", out var offset, out var size, out var error))
        {
            return Fail(call, error!);
        }

        JsonObject? page;
        lock (state.Sync)
        {
            if (!call.Caller.IsAdmin)
            {
                return Fail(call, KylinV4Failures.AccessDenied);
            }

            var matching = Matching(query["userGroupName"].ToString());
            (page, error) = KylinV4Requests.Page(matching, offset, size, group => GroupWithUsers(group, withId: false));
        }

        return page is null
            ? Fail(call, error!)
            : KylinV4Requests.OkAsync(call, new JsonObject { ["usersWithGroup"] = page["value"]!.DeepClone(), ["size"] = page["total_size"]!.DeepClone() }, "get users with group");
    }

    public Task ListUsersAndGroupsAsync(KylinV4Call call)
    {
        lock (state.Sync)
        {
            if (!call.Caller.IsAdmin)
            {
                return Fail(call, KylinV4Failures.AccessDenied);
            }

            var data = new JsonObject
            {
                ["user"] = new JsonArray(state.Users.Values.Select(user => (JsonNode?)user.Username).ToArray()),
                ["group"] = new JsonArray(state.Groups.Keys.Select(group => (JsonNode?)group).ToArray()),
            };
            return KylinV4Requests.OkAsync(call, data, string.Empty);
        }
    }

    public Task CreateWithBodyAsync(KylinV4Call call)
    {
        var (body, error) = KylinV4Requests.ReadObject(call.Context, "org.apache.kylin.rest.request.UserGroupRequest");
        if (body is null)
        {
            return Fail(call, error!);
        }

        lock (state.Sync)
        {
            error = call.Caller.IsAdmin ? groups.Create(KylinV4Requests.ReadString(body, "group_name")) : KylinV4Failures.AccessDenied;
            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "add user group") : Fail(call, error);
        }
    }

    public Task DeleteAsync(KylinV4Call call)
    {
        lock (state.Sync)
        {
            var error = call.Caller.IsAdmin ? groups.DeleteByUuid(call.Name) : KylinV4Failures.AccessDenied;
            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "del user group") : Fail(call, error);
        }
    }

    public Task SetMembersAsync(KylinV4Call call)
    {
        var (body, error) = KylinV4Requests.ReadObject(call.Context, "org.apache.kylin.rest.request.UpdateGroupRequest");
        if (body is null)
        {
            return Fail(call, error!);
        }

        List<string>? users = null;
        if (body["users"] is { } listed)
        {
            if (!KylinV4Requests.ToStrings(listed, out var items))
            {
                return Fail(call, KylinV4Error.Java("org.springframework.http.converter.HttpMessageNotReadableException", "JSON parse error: Cannot deserialize value of type `java.util.ArrayList<java.lang.String>`"));
            }

            users = items.Select(item => item ?? "null").ToList();
        }

        lock (state.Sync)
        {
            error = call.Caller.IsAdmin ? groups.SetMembers(call.Caller, KylinV4Requests.ReadString(body, "group_name"), users) : KylinV4Failures.AccessDenied;
            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "modify users in user group") : Fail(call, error);
        }
    }

    public Task CreateManyAsync(KylinV4Call call)
    {
        var (names, error) = KylinV4Requests.ReadStringArray(call.Context);
        if (names is null)
        {
            return Fail(call, error!);
        }

        lock (state.Sync)
        {
            error = call.Caller.IsAdmin ? groups.CreateMany(names) : KylinV4Failures.AccessDenied;
            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "batch add user groups") : Fail(call, error);
        }
    }

    /// <summary>Deletes one group after another, each its own transaction: a failure keeps the deletions before it.</summary>
    public Task DeleteManyAsync(KylinV4Call call)
    {
        var (names, error) = KylinV4Requests.ReadStringArray(call.Context);
        if (names is null)
        {
            return Fail(call, error!);
        }

        lock (state.Sync)
        {
            error = call.Caller.IsAdmin ? null : KylinV4Failures.AccessDenied;
            foreach (var name in names)
            {
                error ??= groups.Delete(name ?? string.Empty);
            }

            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "batch del user group") : Fail(call, error);
        }
    }

    private List<string> Matching(string filter) =>
        state.Groups.Keys.Where(group => filter.Length == 0 || group.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();

    private JsonObject GroupWithUsers(string group, bool withId)
    {
        var users = state.MembersOf(group).Select(user => user.Username).ToArray();
        JsonArray Users() => new(users.Select(user => (JsonNode?)user).ToArray());
        var item = new JsonObject();
        if (withId)
        {
            item["uuid"] = state.Groups[group];
            item["group_name"] = group;
            item["users"] = Users();
        }

        item["first"] = group;
        item["second"] = Users();
        item["key"] = group;
        item["value"] = Users();
        return item;
    }

    // The UI's ManagedUser: camelCase where the class has no snake_case name, the password left out.
    private JsonObject ManagedUser(KylinStoredUser user) => new()
    {
        ["uuid"] = user.Uuid,
        ["last_modified"] = user.LastModified.ToUnixTimeMilliseconds(),
        ["create_time"] = user.Created.ToUnixTimeMilliseconds(),
        ["version"] = "4.0.0.0",
        ["mvcc"] = 0,
        ["username"] = user.Username,
        ["authorities"] = KylinResponses.Authorities(user),
        ["disabled"] = user.Disabled,
        ["defaultPassword"] = user.DefaultPassword,
        ["locked"] = state.IsLocked(user),
        ["lockedTime"] = user.LockedAt?.ToUnixTimeMilliseconds() ?? 0,
        ["wrongTime"] = user.WrongTime,
        ["first_login_failed_time"] = user.FirstFailedAt?.ToUnixTimeMilliseconds() ?? 0,
    };

    private Task Fail(KylinV4Call call, KylinV4Error error) => KylinV4Requests.FailAsync(call, state.Flavor, error);
}
