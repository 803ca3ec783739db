using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary><c>UserGroupViewSet</c>: <c>/api/v1/users/groups/</c> and <c>/api/v1/users/groups/{id}/</c> (docs/wire/jumpserver.md §1.1).</summary>
internal static class GroupHandlers
{
    private const string Model = "UserGroup";

    public static void Map(RouteTable routes)
    {
        routes.Map("/api/v1/users/groups/", new Dictionary<string, Endpoint>
        {
            ["GET"] = new(Access.OrgMember, List),
            ["POST"] = new(Access.Admin, CreateAsync),
            ["PUT"] = new(Access.Admin, request => GroupBulkHandlers.UpdateAsync(request, partial: false)),
            ["PATCH"] = new(Access.Admin, request => GroupBulkHandlers.UpdateAsync(request, partial: true)),
            ["DELETE"] = new(Access.Admin, GroupBulkHandlers.Destroy),
        });
        routes.Map("/api/v1/users/groups/{id}/", new Dictionary<string, Endpoint>
        {
            ["GET"] = new(Access.OrgMember, Retrieve),
            ["PUT"] = new(Access.Admin, request => UpdateAsync(request, partial: false)),
            ["PATCH"] = new(Access.Admin, request => UpdateAsync(request, partial: true)),
            ["DELETE"] = new(Access.Admin, Destroy),
        });
        routes.Map("/api/v1/users/groups/{id}/add-all-users/", new Dictionary<string, Endpoint>
        {
            ["POST"] = new(Access.Admin, AddAllUsers),
        });
    }

    /// <summary>
    /// The view's <c>get_object</c>: by id in the current organization, or from v4.10.8 by exact name when the
    /// segment does not look like a UUID or a number. Returns the error answer when there is no single match.
    /// </summary>
    /// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
    public static GroupEntity? Find(JumpServerRequest request, out ApiResult? error)
    {
        error = null;
        var key = request.RouteId!;
        var inScope = request.State.GroupsIn(request.Organization);
        if (request.Settings.IsV4 && !PythonValues.LooksLikeUuid(key) && !key.All(char.IsDigit))
        {
            var named = inScope.Where(group => group.Name == key).Take(2).ToList();
            if (named.Count == 1)
            {
                return named[0];
            }

            // Model.objects.get raises MultipleObjectsReturned, which nothing handles, when ROOT spans two organizations.
            error = named.Count == 0 ? ApiErrors.NotFound(request.Settings, Model) : ApiResult.ServerError;
            return null;
        }

        if (!PythonValues.TryNormalizeUuid(key, out var id))
        {
            error = ApiErrors.NotFound(request.Settings, Model, malformedId: true);
            return null;
        }

        var group = inScope.FirstOrDefault(candidate => candidate.Id == id);
        error = group is null ? ApiErrors.NotFound(request.Settings, Model) : null;
        return group;
    }

    private static ValueTask<ApiResult> List(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var rows = GroupQuery.Order(request, GroupQuery.Filter(request, request.State.GroupsIn(request.Organization)));
            return ValueTask.FromResult(Pagination.Respond(request, rows, group => GroupSerializer.ListItem(request, group)));
        }
    }

    private static ValueTask<ApiResult> Retrieve(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var group = Find(request, out var error);
            return ValueTask.FromResult(group is null ? error! : ApiResult.Json(200, GroupSerializer.Detail(request, group)));
        }
    }

    private static async ValueTask<ApiResult> CreateAsync(JumpServerRequest request)
    {
        var data = await request.ReadDataAsync("users").ConfigureAwait(false);
        if (data.Error is { } error)
        {
            return error;
        }

        lock (request.State.Sync)
        {
            return data.Value is JsonArray items ? CreateMany(request, items) : CreateOne(request, data.Value);
        }
    }

    private static ApiResult CreateOne(JumpServerRequest request, JsonNode? item)
    {
        var validator = new GroupValidator(request);
        if (validator.Validate(item, null, partial: false, out var input) is { } errors)
        {
            return ApiErrors.Validation(errors);
        }

        if (request.Organization.IsRoot)
        {
            return RootRefusal();
        }

        return ApiResult.Json(201, GroupSerializer.Detail(request, Create(request, input)));
    }

    /// <summary>Bulk create: every item is validated first; any error answers one error object per item.</summary>
    private static ApiResult CreateMany(JumpServerRequest request, JsonArray items)
    {
        var validator = new GroupValidator(request);
        var inputs = new List<GroupInput>();
        var errors = new JsonArray();
        foreach (var item in items)
        {
            errors.Add((JsonNode)(validator.Validate(item, null, partial: false, out var input) ?? new JsonObject()));
            inputs.Add(input);
        }

        if (errors.Any(error => error!.AsObject().Count > 0))
        {
            return ApiErrors.Validation(errors);
        }

        if (request.Organization.IsRoot && inputs.Count > 0)
        {
            return RootRefusal();
        }

        var created = inputs.Select(input => (JsonNode?)GroupSerializer.Detail(request, Create(request, input))).ToArray();
        return ApiResult.Json(201, new JsonArray(created));
    }

    private static GroupEntity Create(JumpServerRequest request, GroupInput input) =>
        request.State.CreateGroup(input.Id, input.Name!, input.Comment ?? string.Empty, request.Organization.Id, request.ActorName, input.UserIds ?? []);

    /// <summary>Saving an org resource while in ROOT raises a bare validation error list.</summary>
    private static ApiResult RootRefusal() => ApiErrors.Validation(new JsonArray("Please save in a org"));

    private static async ValueTask<ApiResult> UpdateAsync(JumpServerRequest request, bool partial)
    {
        var data = await request.ReadDataAsync("users").ConfigureAwait(false);
        lock (request.State.Sync)
        {
            // get_object() runs before request.data is parsed, so a missing group wins over a bad body.
            var group = Find(request, out var notFound);
            if (group is null)
            {
                return notFound!;
            }

            if (data.Error is { } error)
            {
                return error;
            }

            var validator = new GroupValidator(request);
            if (validator.Validate(data.Value, group, partial, out var input) is { } errors)
            {
                return ApiErrors.Validation(errors);
            }

            Apply(request, group, input);
            return ApiResult.Json(200, GroupSerializer.Detail(request, group));
        }
    }

    /// <summary>Saves validated values; <c>users</c>, when given, replaces the member set (PUT without it keeps it).</summary>
    /// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
    public static void Apply(JumpServerRequest request, GroupEntity group, GroupInput input)
    {
        group.Name = input.Name ?? group.Name;
        group.Comment = input.Comment ?? group.Comment;
        group.UpdatedAt = request.State.Now;
        group.UpdatedBy = request.ActorName;
        if (input.UserIds is { } userIds)
        {
            request.State.SetMembers(group.Id, userIds);
        }
    }

    private static ValueTask<ApiResult> Destroy(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var group = Find(request, out var error);
            if (group is null)
            {
                return ValueTask.FromResult(error!);
            }

            request.State.DeleteGroup(group);
            return ValueTask.FromResult(ApiResult.Empty(204));
        }
    }

    /// <summary>Adds every user of the current organization who is not yet a member; answers 200 with no body.</summary>
    private static ValueTask<ApiResult> AddAllUsers(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var state = request.State;
            var group = Find(request, out var error);
            if (group is null)
            {
                return ValueTask.FromResult(error!);
            }

            foreach (var user in state.MembersOf(request.Organization).ToList())
            {
                if (state.FindMembership(user.Id, group.Id) is null)
                {
                    state.AddMembership(user.Id, group.Id);
                }
            }

            return ValueTask.FromResult(ApiResult.Empty(200));
        }
    }
}
