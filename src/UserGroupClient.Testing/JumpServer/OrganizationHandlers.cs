using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The read side of <c>OrgViewSet</c> at <c>/api/v1/orgs/orgs/</c>; not scoped to the current organization.</summary>
internal static class OrganizationHandlers
{
    public static void Map(RouteTable routes)
    {
        routes.Map("/api/v1/orgs/orgs/", new Dictionary<string, Endpoint> { ["GET"] = new(Access.Admin, List) });
        routes.Map("/api/v1/orgs/orgs/{id}/", new Dictionary<string, Endpoint> { ["GET"] = new(Access.Admin, Retrieve) });
    }

    private static JsonObject Serialize(JumpServerRequest request, OrganizationEntity organization) =>
        FieldSelection.Apply(request, new JsonObject
        {
            ["id"] = organization.Id,
            ["name"] = organization.Name,
            ["comment"] = organization.Comment,
            ["is_default"] = organization.Id == JumpServerEmulator.DefaultOrganizationId,
            ["is_root"] = false,
            ["is_system"] = organization.Id == JumpServerEmulator.SystemOrganizationId,
            ["created_by"] = "System",
            ["date_created"] = JumpServerDates.Format(organization.CreatedAt, request.DisplayZone),
        });

    private static ValueTask<ApiResult> List(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var rows = request.State.Organizations
                .Where(organization => GroupQuery.SearchTerms(request.Query.Get("search"))
                    .All(term => organization.Name.Contains(term, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(organization => organization.Name, StringComparer.Ordinal)
                .ToList();
            return ValueTask.FromResult(Pagination.Respond(request, rows, organization => Serialize(request, organization)));
        }
    }

    private static ValueTask<ApiResult> Retrieve(JumpServerRequest request)
    {
        lock (request.State.Sync)
        {
            var found = PythonValues.TryNormalizeUuid(request.RouteId, out var id) ? request.State.FindOrganization(id) : null;
            return ValueTask.FromResult(found is null
                ? ApiErrors.NotFound(request.Settings, "Organization", malformedId: id.Length == 0)
                : ApiResult.Json(200, Serialize(request, found)));
        }
    }
}
