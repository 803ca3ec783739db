using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The user-group shapes of each version (docs/wire/jumpserver.md §2, §2.1).</summary>
/// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
internal static class GroupSerializer
{
    /// <summary>The detail shape: retrieve, create and update answers.</summary>
    public static JsonObject Detail(JumpServerRequest request, GroupEntity group) => Serialize(request, group, listItem: false);

    /// <summary>The list-item shape: v3.10.2+ drops <c>users</c> and adds <c>users_amount</c>.</summary>
    public static JsonObject ListItem(JumpServerRequest request, GroupEntity group) => Serialize(request, group, listItem: true);

    private static JsonObject Serialize(JumpServerRequest request, GroupEntity group, bool listItem)
    {
        var state = request.State;
        var members = state.MemberIds(group.Id).Select(state.FindUser).OfType<JumpServerEmulatedUser>().ToList();
        var item = new JsonObject
        {
            ["id"] = group.Id,
            ["name"] = group.Name,
            ["comment"] = group.Comment,
        };

        if (request.Settings.IsV2)
        {
            item["users"] = new JsonArray(members.Select(user => (JsonNode?)user.Id).ToArray());
        }
        else if (!listItem)
        {
            item["users"] = new JsonArray(members.Select(user => (JsonNode?)new JsonObject
            {
                ["id"] = user.Id,
                ["name"] = user.Name,
                ["is_service_account"] = user.IsServiceAccount,
            }).ToArray());
        }

        if (request.Settings.IsV2 || listItem)
        {
            item["users_amount"] = members.Count(user => !user.IsServiceAccount);
        }

        if (!request.Settings.IsV2)
        {
            item["labels"] = new JsonArray();
        }

        item["created_by"] = group.CreatedBy;
        item["date_created"] = JumpServerDates.Format(group.CreatedAt, request.DisplayZone);
        item["org_id"] = group.OrganizationId;
        item["org_name"] = state.FindOrganization(group.OrganizationId)?.Name ?? string.Empty;
        return FieldSelection.Apply(request, item);
    }
}
