using System.Text.Json;
using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>The accepted fields of one group item; null means "not given".</summary>
internal sealed record GroupInput(string? Id, string? Name, string? Comment, IReadOnlyList<string>? UserIds);

/// <summary>
/// <c>UserGroupSerializer</c>'s validation (docs/wire/jumpserver.md §2.2). One instance serves one request: in a bulk request, the
/// names accepted for earlier items count as taken for later ones.
/// </summary>
/// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
internal sealed class GroupValidator(JumpServerRequest request)
{
    private const int NameMaxLength = 128;

    private readonly Dictionary<string, string> renamed = new(StringComparer.Ordinal);
    private readonly List<(string Organization, string Name)> added = [];

    /// <summary>Validates one item; returns DRF's error object, or null when <paramref name="input"/> is usable.</summary>
    /// <param name="data">The item as sent.</param>
    /// <param name="instance">The group being updated; null to create one.</param>
    /// <param name="partial">PATCH semantics: <c>name</c> may be left out.</param>
    /// <param name="input">The accepted values.</param>
    public JsonObject? Validate(JsonNode? data, GroupEntity? instance, bool partial, out GroupInput input)
    {
        input = new GroupInput(null, null, null, null);
        if (data is not JsonObject item)
        {
            var message = data is null ? "No data provided" : $"Invalid data. Expected a dictionary, but got {PythonValues.TypeName(data)}.";
            return Errors("non_field_errors", message);
        }

        var errors = new JsonObject();
        string? id = null;
        if (instance is null && item.TryGetPropertyValue("id", out var idNode) && ValidateId(idNode, out id) is { } idError)
        {
            errors["id"] = new JsonArray(idError);
        }

        string? name = null;
        if (item.TryGetPropertyValue("name", out var nameNode))
        {
            if (ValidateText(nameNode, allowBlank: false, NameMaxLength, out name) is { } nameError)
            {
                errors["name"] = new JsonArray(nameError);
            }
        }
        else if (!partial)
        {
            errors["name"] = new JsonArray("This field is required.");
        }

        string? comment = null;
        if (item.TryGetPropertyValue("comment", out var commentNode) && ValidateText(commentNode, allowBlank: true, null, out comment) is { } commentError)
        {
            errors["comment"] = new JsonArray(commentError);
        }

        List<string>? userIds = null;
        if (item.TryGetPropertyValue("users", out var usersNode) && ValidateUsers(usersNode, out userIds) is { } usersError)
        {
            errors["users"] = new JsonArray(usersError);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // ProjectUniqueValidator runs after the fields, per organization, reading a missing name from the instance.
        var organization = instance?.OrganizationId ?? request.Organization.Id;
        var effectiveName = name ?? instance!.Name;
        if (IsNameTaken(organization, effectiveName, instance?.Id))
        {
            return Errors("name", "This field must be unique.");
        }

        if (instance is null)
        {
            added.Add((organization, effectiveName));
        }
        else
        {
            renamed[instance.Id] = effectiveName;
        }

        input = new GroupInput(id, name, comment, userIds);
        return null;
    }

    private static JsonObject Errors(string field, string message) => new() { [field] = new JsonArray(message) };

    /// <summary>DRF's <c>CharField</c> (trimmed) for <c>name</c> and <c>comment</c>; returns the error message, if any.</summary>
    private static string? ValidateText(JsonNode? node, bool allowBlank, int? maxLength, out string value)
    {
        value = string.Empty;
        if (node is null)
        {
            return "This field may not be null.";
        }

        var text = PythonValues.ScalarText(node).Trim();
        if (text.Length == 0)
        {
            return allowBlank ? null : "This field may not be blank.";
        }

        if (node.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return "Not a valid string.";
        }

        if (maxLength is { } max && text.EnumerateRunes().Count() > max)
        {
            return $"Ensure this field has no more than {max} characters.";
        }

        value = text;
        return null;
    }

    private static bool IsTruthy(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => node.GetValue<string>().Length > 0,
        JsonValueKind.Number => PythonValues.ScalarText(node) is not ("0" or "0.0"),
        JsonValueKind.Array => node.AsArray().Count > 0,
        JsonValueKind.Object => node.AsObject().Count > 0,
        _ => true,
    };

    private string? ValidateId(JsonNode? node, out string? id)
    {
        id = null;
        if (node is null)
        {
            return "This field may not be null.";
        }

        if (node.GetValueKind() != JsonValueKind.String || !PythonValues.TryNormalizeUuid(node.GetValue<string>(), out var uuid))
        {
            return "Must be a valid UUID.";
        }

        if (request.State.FindGroup(uuid) is not null)
        {
            return "User group with this id already exists.";
        }

        id = uuid;
        return null;
    }

    /// <summary>
    /// <c>ObjectRelatedField(many=True)</c> over the current organization's users: ids or <c>{"id"}</c>/<c>{"pk"}</c>
    /// objects; the first bad item fails the field.
    /// </summary>
    private string? ValidateUsers(JsonNode? node, out List<string> userIds)
    {
        userIds = [];
        if (node is null)
        {
            return "This field may not be null.";
        }

        if (node.GetValueKind() is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            return $"Expected a list of items but got type \"{PythonValues.TypeName(node)}\".";
        }

        // Python iterates a dict's keys, so an object is taken as a list of its property names.
        IEnumerable<JsonNode?> items = node is JsonArray array
            ? array
            : node.AsObject().Select(property => (JsonNode?)JsonValue.Create(property.Key));

        var members = request.State.MembersOf(request.Organization).Select(user => user.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var pk = item is JsonObject reference
                ? new[] { reference["id"], reference["pk"] }.FirstOrDefault(IsTruthy)
                : item;
            if (ResolveUser(pk, members, out var userId) is { } error)
            {
                return error;
            }

            if (!userIds.Contains(userId))
            {
                userIds.Add(userId);
            }
        }

        return null;
    }

    private static string? ResolveUser(JsonNode? pk, HashSet<string> members, out string userId)
    {
        userId = string.Empty;
        switch (pk?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return "Invalid pk \"None\" - object does not exist.";
            case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Array or JsonValueKind.Object:
                return $"Incorrect type. Expected pk value, received {PythonValues.TypeName(pk)}.";
        }

        var text = PythonValues.ScalarText(pk!);
        if (pk!.GetValueKind() == JsonValueKind.String ? !PythonValues.TryNormalizeUuid(text, out userId) : text.StartsWith('-'))
        {
            return $"“{text}” is not a valid UUID.";
        }

        return members.Contains(userId) ? null : $"Invalid pk \"{text}\" - object does not exist.";
    }

    private bool IsNameTaken(string organization, string name, string? selfId) =>
        added.Contains((organization, name))
        || request.State.Groups.Any(group =>
            group.Id != selfId
            && group.OrganizationId == organization
            && (renamed.TryGetValue(group.Id, out var newName) ? newName : group.Name) == name);
}
