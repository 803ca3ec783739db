using Microsoft.AspNetCore.Http;

namespace UserGroupClient.Testing.Kylin;

/// <summary>
/// Spring MVC's choice among Kylin 5's and KE 4's three <c>user_group</c> controllers (docs/wire/kylin.md §12.1): the
/// open API (v4-public), the UI API (v4) and what is left of v2, on the same paths. A path no pattern matches is 404,
/// a method none maps 405, an <c>Accept</c> none produces 406; among the rest the pattern with fewer variables wins,
/// then the better-matching media type, and a tie (<c>*/*</c> or no <c>Accept</c> where both v4 controllers map the
/// path) is Spring's "Ambiguous handler methods", a 500.
/// </summary>
internal sealed class KylinV4Routes
{
    public const string V4Public = "application/vnd.apache.kylin-v4-public+json";
    public const string V4 = "application/vnd.apache.kylin-v4+json";

    private const string Variable = "{}";

    private readonly List<Route> _routes;

    public KylinV4Routes(KylinV4OpenHandlers open, KylinV4UiHandlers ui)
    {
        _routes =
        [
            new("GET", ["groups"], [V4Public], open.ListGroupsAsync),
            new("GET", ["group_members", Variable], [V4Public], open.ListMembersAsync),
            new("POST", [Variable], [V4Public], open.CreateAsync),
            // The open controller hands create-with-body, member updates and batches to the UI controller.
            new("POST", [], [V4Public], ui.CreateWithBodyAsync),
            new("DELETE", [Variable], [V4Public], open.DeleteAsync),
            new("DELETE", [], [V4Public], open.DeleteWithBodyAsync),
            new("PUT", ["users"], [V4Public], ui.SetMembersAsync),
            new("POST", ["batch"], [V4Public], ui.CreateManyAsync),
            new("DELETE", ["batch"], [V4Public], ui.DeleteManyAsync),
            new("GET", ["groups"], [V4], ui.ListGroupsAsync),
            new("GET", ["group_members", Variable], [V4], ui.ListMembersAsync),
            new("GET", ["users_with_group"], [V4, V4Public], ui.ListUsersWithGroupAsync),
            new("GET", ["users_and_groups"], [V4], ui.ListUsersAndGroupsAsync),
            new("POST", [], [V4], ui.CreateWithBodyAsync),
            new("DELETE", [Variable], [V4], ui.DeleteAsync),
            new("PUT", ["users"], [V4], ui.SetMembersAsync),
            new("POST", ["batch"], [V4], ui.CreateManyAsync),
            new("DELETE", ["batch"], [V4], ui.DeleteManyAsync),
            new("GET", ["usersWithGroup"], [KylinResponses.V2Type], ui.ListUsersWithGroupV2Async),
        ];
    }

    /// <summary>The handler and the type it produces, or the status Spring answers instead.</summary>
    public (Func<KylinV4Call, Task>? Handler, string MediaType, int Status) Select(string method, string[] segments, KylinAccept accept)
    {
        var onPath = _routes.Where(route => route.Matches(segments)).ToList();
        if (onPath.Count == 0)
        {
            return (null, string.Empty, StatusCodes.Status404NotFound);
        }

        var candidates = onPath
            .Where(route => route.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
            .SelectMany(route => route.Produces.Select(type => (Route: route, Type: type, Rank: accept.Rank(type))))
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, string.Empty, StatusCodes.Status405MethodNotAllowed);
        }

        var acceptable = candidates
            .Where(candidate => candidate.Rank is not null)
            .OrderBy(candidate => candidate.Route.Variables)
            .ThenBy(candidate => candidate.Rank)
            .ToList();
        if (acceptable.Count == 0)
        {
            return (null, string.Empty, StatusCodes.Status406NotAcceptable);
        }

        var best = acceptable[0];
        var tie = acceptable.Skip(1).Any(other => other.Route != best.Route && other.Route.Variables == best.Route.Variables && other.Rank == best.Rank);
        return tie ? (null, string.Empty, StatusCodes.Status500InternalServerError) : (best.Route.Handler, best.Type, StatusCodes.Status200OK);
    }

    private sealed record Route(string Method, string[] Pattern, string[] Produces, Func<KylinV4Call, Task> Handler)
    {
        public int Variables => Pattern.Count(segment => segment == Variable);

        public bool Matches(string[] segments) =>
            segments.Length == Pattern.Length
            && Pattern.Zip(segments).All(pair => pair.First == Variable ? pair.Second.Length > 0 : pair.First == pair.Second);
    }
}
