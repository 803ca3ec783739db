using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The bulk actions on the group list route: PUT/PATCH with an array, and DELETE with a filter (docs/wire/jumpserver.md §1.1, §1.2).</summary>
internal static class GroupBulkHandlers
{
    /// <summary>Bulk update: each item names its group by <c>id</c> or <c>pk</c> within the filtered groups.</summary>
    public static async ValueTask<ApiResult> UpdateAsync(JumpServerRequest request, bool partial)
    {
        var data = await request.ReadDataAsync("users").ConfigureAwait(false);
        if (data.Error is { } error)
        {
            return error;
        }

        if (data.Value is not JsonArray items)
        {
            return ApiErrors.FieldError("non_field_errors", $"Expected a list of items but got type \"{PythonValues.TypeName(data.Value)}\".");
        }

        lock (request.State.Sync)
        {
            var filtered = GroupQuery.Filter(request, request.State.GroupsIn(request.Organization));
            var validator = new GroupValidator(request);
            var changes = new List<(GroupEntity Group, GroupInput Input)>();
            var errors = new JsonArray();
            foreach (var item in items)
            {
                if (item is not JsonObject fields || !(fields.ContainsKey("id") || fields.ContainsKey("pk")))
                {
                    errors.Add((JsonNode)new JsonArray("id or pk not in data"));
                    continue;
                }

                // queryset.get(id=…) raises DoesNotExist, which the exception handler turns into a 404.
                var key = fields.ContainsKey("id") ? fields["id"] : fields["pk"];
                var id = string.Empty;
                if (key is not null)
                {
                    PythonValues.TryNormalizeUuid(PythonValues.ScalarText(key), out id);
                }

                var group = filtered.Find(candidate => candidate.Id == id);
                if (group is null)
                {
                    return ApiErrors.NotFound(request.Settings, "UserGroup");
                }

                errors.Add((JsonNode)(validator.Validate(fields, group, partial, out var input) ?? new JsonObject()));
                changes.Add((group, input));
            }

            if (errors.Any(itemError => itemError is JsonArray || itemError!.AsObject().Count > 0))
            {
                return ApiErrors.Validation(errors);
            }

            foreach (var (group, input) in changes)
            {
                GroupHandlers.Apply(request, group, input);
            }

            return ApiResult.Json(200, new JsonArray(changes.Select(change => (JsonNode?)GroupSerializer.Detail(request, change.Group)).ToArray()));
        }
    }

    /// <summary>
    /// Bulk destroy behind <c>OrgBulkModelViewSet.allow_bulk_destroy</c>: allowed when exactly one group matches,
    /// when the filter leaves some of the organization's groups out (even if it matched none), or with a non-empty
    /// <c>spm</c>; otherwise 400 with an empty body.
    /// </summary>
    public static ValueTask<ApiResult> Destroy(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var all = request.State.GroupsIn(request.Organization).ToList();
            var filtered = GroupQuery.Filter(request, all);
            var allowed = filtered.Count == 1
                || all.Count > filtered.Count
                || request.Query.GetNonEmpty("spm") is not null;
            if (!allowed)
            {
                return ValueTask.FromResult(ApiErrors.EmptyBadRequest());
            }

            foreach (var group in filtered)
            {
                request.State.DeleteGroup(group);
            }

            return ValueTask.FromResult(ApiResult.Empty(204));
        }
    }
}
