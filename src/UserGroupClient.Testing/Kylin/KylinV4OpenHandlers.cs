using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Kylin 5's and KE 4's <c>OpenUserGroupController</c> (v4-public, docs/wire/kylin.md §12.2): groups addressed by
/// name, <c>DataResult</c> pages, every call for <c>ROLE_ADMIN</c> only (400 otherwise), <c>msg</c> empty on reads.
/// Spring converts parameters and reads bodies before the role check.
/// </summary>
internal sealed class KylinV4OpenHandlers(KylinState state, KylinV4GroupService groups)
{
    public Task ListGroupsAsync(KylinV4Call call)
    {
        var query = call.Context.Request.Query;
        if (!KylinV4Requests.TryReadBoolean(query, "is_case_sensitive", out var caseSensitive, out var error)
            || !KylinV4Requests.TryReadPage(query, "page_offset", "page_size", out var offset, out var size, out error))
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

            var filter = query["group_name"].ToString();
            var names = state.Groups.Keys
                .Where(group => string.IsNullOrWhiteSpace(filter) || group.Contains(filter, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                .ToList();
            (page, error) = KylinV4Requests.Page(names, offset, size, name => name);
        }

        return page is null ? Fail(call, error!) : KylinV4Requests.OkAsync(call, page, string.Empty);
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

            // The exact name, as the authority comparison is exact: another case or an unknown group lists nobody.
            var filter = query["username"].ToString();
            var members = state.MembersOf(call.Name)
                .Where(user => string.IsNullOrWhiteSpace(filter) || user.Username.Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            (page, error) = KylinV4Requests.Page(members, offset, size, UserInfo);
        }

        return page is null ? Fail(call, error!) : KylinV4Requests.OkAsync(call, page, string.Empty);
    }

    public Task CreateAsync(KylinV4Call call)
    {
        lock (state.Sync)
        {
            var error = call.Caller.IsAdmin ? groups.Create(call.Name) : KylinV4Failures.AccessDenied;
            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "add user group") : Fail(call, error);
        }
    }

    /// <summary>Deletes by path: no name rules, the name found ignoring case.</summary>
    public Task DeleteAsync(KylinV4Call call)
    {
        lock (state.Sync)
        {
            var error = call.Caller.IsAdmin ? groups.DeleteByName(call.Name) : KylinV4Failures.AccessDenied;
            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "del user group") : Fail(call, error);
        }
    }

    /// <summary>Deletes by <c>{"group_name"}</c>: the name rules first, then as by path.</summary>
    public Task DeleteWithBodyAsync(KylinV4Call call)
    {
        var (body, error) = KylinV4Requests.ReadObject(call.Context, "org.apache.kylin.rest.request.UserGroupRequest");
        if (body is null)
        {
            return Fail(call, error!);
        }

        lock (state.Sync)
        {
            var name = KylinV4Requests.ReadString(body, "group_name");
            error = !call.Caller.IsAdmin ? KylinV4Failures.AccessDenied : groups.CheckName(name) ?? groups.DeleteByName(name);
            return error is null ? KylinV4Requests.OkAsync(call, string.Empty, "del user group") : Fail(call, error);
        }
    }

    private JsonObject UserInfo(KylinStoredUser user) => new()
    {
        ["username"] = user.Username,
        ["authorities"] = KylinResponses.Authorities(user),
        ["disabled"] = user.Disabled,
        ["default_password"] = user.DefaultPassword,
        ["locked"] = state.IsLocked(user),
        ["uuid"] = user.Uuid,
        ["last_modified"] = user.LastModified.ToUnixTimeMilliseconds(),
        ["create_time"] = user.Created.ToUnixTimeMilliseconds(),
        ["locked_time"] = user.LockedAt?.ToUnixTimeMilliseconds() ?? 0,
        ["wrong_time"] = user.WrongTime,
        ["first_login_failed_time"] = user.FirstFailedAt?.ToUnixTimeMilliseconds() ?? 0,
    };

    private Task Fail(KylinV4Call call, KylinV4Error error) => KylinV4Requests.FailAsync(call, state.Flavor, error);
}
