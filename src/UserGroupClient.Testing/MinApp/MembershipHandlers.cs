using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary>
/// <c>PATCH /oserve/v1/miniapp/group/membership/</c> and the v1 user-profile list (docs/wire/minapp.md §4.3): the whole
/// array is checked before anything changes; duplicate adds and removals of non-members do nothing.
/// </summary>
internal static class MembershipHandlers
{
    public const string MembershipPath = "/oserve/v1/miniapp/group/membership/";
    public const string UserProfilePath = "/oserve/v1/miniapp/user-profile/";

    public static Task PatchAsync(MinAppState state, HttpContext context)
    {
        if (MinAppWire.ReadBody(context) is not JsonArray operations)
        {
            return MinAppWire.ErrorAsync(context, 400, "the body must be an array of operations");
        }

        lock (state.Sync)
        {
            var planned = new List<(bool Add, List<long> Profiles, List<long> Groups)>();
            foreach (var node in operations)
            {
                var operation = node as JsonObject;
                var op = operation?["op"] is JsonValue opValue && opValue.TryGetValue<string>(out var opText) ? opText : null;
                var path = operation?["path"] is JsonValue pathValue && pathValue.TryGetValue<string>(out var pathText) ? pathText : "/membership";
                var users = MinAppWire.ReadIds(operation?["users"]);
                var groups = MinAppWire.ReadIds(operation?["groups"]);
                if (op is not ("add" or "remove") || path != "/membership" || users is not { Count: > 0 } || groups is not { Count: > 0 })
                {
                    return MinAppWire.ErrorAsync(context, 400, "each operation needs op add or remove, path /membership, and non-empty users and groups");
                }

                var profiles = users.Select(state.FindUserByMembershipId).ToList();
                if (profiles.Any(profile => profile is null) || !groups.All(state.Groups.ContainsKey))
                {
                    return MinAppWire.ErrorAsync(context, 400, "unknown user or group id");
                }

                planned.Add((op == "add", profiles.Select(profile => profile!.Id).ToList(), groups));
            }

            foreach (var (add, profiles, groups) in planned)
            {
                foreach (var pair in profiles.SelectMany(profile => groups.Select(group => (profile, group))))
                {
                    if (add)
                    {
                        state.Memberships.Add(pair);
                    }
                    else
                    {
                        state.Memberships.Remove(pair);
                    }
                }
            }
        }

        JsonResponse.WriteEmpty(context.Response, 204);
        return Task.CompletedTask;
    }

    public static Task ListUserProfilesAsync(MinAppState state, HttpContext context)
    {
        var groups = MinAppWire.ParseIdList(context.Request.Query["group__in"]);
        var userIdText = context.Request.Query["user_id"].ToString();
        long? userId = null;
        if (userIdText.Length > 0)
        {
            if (!long.TryParse(userIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return MinAppWire.ErrorAsync(context, 400, "user_id must be an integer");
            }

            userId = parsed;
        }

        if (groups is null)
        {
            return MinAppWire.ErrorAsync(context, 400, "group__in must list integer ids");
        }

        List<JsonNode> users;
        lock (state.Sync)
        {
            users = state.Users.Values
                .Where(user => userId is null || user.UserId == userId)
                .Where(user => groups.Count == 0 || groups.Any(group => state.Memberships.Contains((user.Id, group))))
                .Select(user => (JsonNode)MinAppWire.UserProfile(state, user))
                .ToList();
        }

        return MinAppListPage.WriteAsync(context, UserProfilePath, users, node => node);
    }
}
