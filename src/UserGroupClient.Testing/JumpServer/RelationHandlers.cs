using System.Text.Json;
using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// <c>UserUserGroupRelationViewSet</c> over the user-to-group through table (docs/wire/jumpserver.md §1.3). Its queryset is not
/// scoped to the organization; only the <c>usergroup</c> field's choices are.
/// </summary>
internal static class RelationHandlers
{
    private const string UniqueMessage = "The fields user, usergroup must make a unique set.";

    public static void Map(RouteTable routes)
    {
        routes.Map("/api/v1/users/users-groups-relations/", new Dictionary<string, Endpoint>
        {
            ["GET"] = new(Access.Admin, List),
            ["POST"] = new(Access.Admin, CreateAsync),
            ["DELETE"] = new(Access.Admin, BulkDestroy),
        });
        routes.Map("/api/v1/users/users-groups-relations/{id}/", new Dictionary<string, Endpoint>
        {
            ["GET"] = new(Access.Admin, Retrieve),
            ["DELETE"] = new(Access.Admin, Destroy),
        });
    }

    private static JsonObject Serialize(JumpServerState state, MembershipRow row) => new()
    {
        ["id"] = row.Id,
        ["user"] = row.UserId,
        ["user_display"] = state.FindUser(row.UserId)?.Name,
        ["usergroup"] = row.GroupId,
        ["usergroup_display"] = state.FindGroup(row.GroupId)?.Name,
    };

    /// <summary>The <c>user</c> and <c>usergroup</c> filters; a malformed id matches nothing. Null when <c>search</c> crashes the view.</summary>
    private static List<MembershipRow>? Filter(JumpServerRequest request)
    {
        // search_fields names the foreign keys, so SearchFilter builds user__icontains, which Django rejects.
        if (GroupQuery.SearchTerms(request.Query.Get("search")).Any())
        {
            return null;
        }

        IEnumerable<MembershipRow> rows = request.State.Memberships;
        if (GroupQuery.IdSet(request.Query.GetNonEmpty("user") is { } user ? [user] : null) is { } users)
        {
            rows = rows.Where(row => users.Contains(row.UserId));
        }

        if (GroupQuery.IdSet(request.Query.GetNonEmpty("usergroup") is { } group ? [group] : null) is { } groups)
        {
            rows = rows.Where(row => groups.Contains(row.GroupId));
        }

        return rows.OrderBy(row => row.Id).ToList();
    }

    private static ValueTask<ApiResult> List(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var rows = Filter(request);
            return ValueTask.FromResult(rows is null
                ? ApiResult.ServerError
                : Pagination.Respond(request, rows, row => Serialize(request.State, row)));
        }
    }

    /// <summary>Creates one row from an object, or several from an array; an existing pair is a validation error.</summary>
    private static async ValueTask<ApiResult> CreateAsync(JumpServerRequest request)
    {
        var data = await request.ReadDataAsync().ConfigureAwait(false);
        if (data.Error is { } error)
        {
            return error;
        }

        lock (request.State.Sync)
        {
            var many = data.Value is JsonArray;
            var items = data.Value is JsonArray array ? array.ToList() : [data.Value];
            var pairs = new List<(string User, string Group)>();
            var errors = new JsonArray();
            foreach (var item in items)
            {
                var itemErrors = Validate(request, item, pairs, out var pair);
                errors.Add((JsonNode)(itemErrors ?? new JsonObject()));
                if (itemErrors is null)
                {
                    pairs.Add(pair);
                }
            }

            if (pairs.Count != items.Count)
            {
                return ApiErrors.Validation(many ? errors : errors[0]!.DeepClone());
            }

            var created = pairs.Select(pair => Serialize(request.State, request.State.AddMembership(pair.User, pair.Group))).ToList();
            return ApiResult.Json(201, many ? new JsonArray(created.Select(row => (JsonNode?)row).ToArray()) : created[0]);
        }
    }

    private static JsonObject? Validate(JumpServerRequest request, JsonNode? item, List<(string User, string Group)> accepted, out (string User, string Group) pair)
    {
        pair = default;
        if (item is not JsonObject fields)
        {
            var message = item is null ? "No data provided" : $"Invalid data. Expected a dictionary, but got {PythonValues.TypeName(item)}.";
            return new JsonObject { ["non_field_errors"] = new JsonArray(message) };
        }

        var state = request.State;
        var errors = new JsonObject();
        var userId = ValidateKey(fields, "user", id => state.FindUser(id) is not null, errors);
        var groupId = ValidateKey(fields, "usergroup", id => state.FindGroup(id) is { } group && request.Organization.Contains(group.OrganizationId), errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        pair = (userId!, groupId!);
        if (state.FindMembership(pair.User, pair.Group) is not null || accepted.Contains(pair))
        {
            return new JsonObject { ["non_field_errors"] = new JsonArray(UniqueMessage) };
        }

        return null;
    }

    /// <summary>A <c>PrimaryKeyRelatedField</c>: required, not null, a UUID, an existing row among <paramref name="exists"/>.</summary>
    private static string? ValidateKey(JsonObject fields, string name, Func<string, bool> exists, JsonObject errors)
    {
        string? message;
        string? id = null;
        if (!fields.TryGetPropertyValue(name, out var node))
        {
            message = "This field is required.";
        }
        else if (node is null)
        {
            message = "This field may not be null.";
        }
        else if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Array or JsonValueKind.Object)
        {
            message = $"Incorrect type. Expected pk value, received {PythonValues.TypeName(node)}.";
        }
        else
        {
            var text = PythonValues.ScalarText(node);
            message = !PythonValues.TryNormalizeUuid(text, out var uuid) ? $"“{text}” is not a valid UUID."
                : !exists(uuid) ? $"Invalid pk \"{text}\" - object does not exist."
                : null;
            id = uuid;
        }

        if (message is not null)
        {
            errors[name] = new JsonArray(message);
        }

        return id;
    }

    /// <summary>The relation view only allows a bulk delete that matches exactly one row; anything else is an empty 400.</summary>
    private static ValueTask<ApiResult> BulkDestroy(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var rows = Filter(request);
            if (rows is null)
            {
                return ValueTask.FromResult(ApiResult.ServerError);
            }

            if (rows.Count != 1)
            {
                return ValueTask.FromResult(ApiErrors.EmptyBadRequest());
            }

            request.State.RemoveMembership(rows[0]);
            return ValueTask.FromResult(ApiResult.Empty(204));
        }
    }

    private static MembershipRow? Find(JumpServerRequest request, out ApiResult? error)
    {
        var key = request.RouteId!;
        var row = int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? request.State.FindMembership(id)
            : null;
        error = row is null ? ApiErrors.NotFound(request.Settings, "User_groups", malformedId: !key.All(char.IsAsciiDigit)) : null;
        return row;
    }

    private static ValueTask<ApiResult> Retrieve(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var row = Find(request, out var error);
            return ValueTask.FromResult(row is null ? error! : ApiResult.Json(200, Serialize(request.State, row)));
        }
    }

    private static ValueTask<ApiResult> Destroy(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var row = Find(request, out var error);
            if (row is null)
            {
                return ValueTask.FromResult(error!);
            }

            request.State.RemoveMembership(row);
            return ValueTask.FromResult(ApiResult.Empty(204));
        }
    }
}
