using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The user shape of <c>/api/v1/users/users/</c> and of the login answer.</summary>
/// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
internal static class UserSerializer
{
    public static JsonObject Serialize(JumpServerRequest request, JumpServerEmulatedUser user)
    {
        var state = request.State;
        var groups = state.Groups
            .Where(group => request.Organization.Contains(group.OrganizationId) && state.FindMembership(user.Id, group.Id) is not null)
            .ToList();
        JsonNode groupsNode = request.Settings.IsV2
            ? new JsonArray(groups.Select(group => (JsonNode?)group.Id).ToArray())
            : new JsonArray(groups.Select(group => (JsonNode?)new JsonObject { ["id"] = group.Id, ["name"] = group.Name }).ToArray());

        var item = new JsonObject
        {
            ["id"] = user.Id,
            ["name"] = user.Name,
            ["username"] = user.Username,
            ["email"] = user.Email,
            ["comment"] = string.Empty,
            ["groups"] = groupsNode,
            ["is_active"] = user.IsActive,
            ["is_valid"] = user.IsActive,
            ["is_expired"] = false,
            ["is_service_account"] = user.IsServiceAccount,
            ["mfa_enabled"] = user.MfaRequired,
            ["is_superuser"] = user.IsAdmin,
            ["date_joined"] = JumpServerDates.Format(user.DateJoined, request.DisplayZone),
            ["created_by"] = "System",
        };
        return FieldSelection.Apply(request, item);
    }
}
