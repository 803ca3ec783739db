using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserGroupClient.MinApp;

/// <summary>A <c>{"id", "name"}</c> pair as sent; the cloud-function variant sends <c>{"id": null, "name": null}</c> for "none".</summary>
internal sealed record MinAppReferenceWire(long? Id, string? Name);

/// <summary>Every user-group field any variant sends, before <see cref="MinAppUserGroupConverter"/> picks the parent.</summary>
internal sealed record MinAppUserGroupWire([property: JsonRequired] long Id, string? Name, int? Members, MinAppReferenceWire? Parent, long? ParentId, MinAppReferenceWire? SuperGroup);

/// <summary>Every supergroup field any variant sends; <c>children</c> is an array or a count.</summary>
internal sealed record MinAppSuperGroupWire(long Id, string? Name, JsonElement? Children, List<MinAppReferenceWire>? UserGroup);

/// <summary>The user-profile fields the SDK reads, as sent, before <see cref="MinAppUserProfileConverter"/> refuses a null.</summary>
internal sealed record MinAppUserProfileWire(long Id, long? UserId, string? Nickname, IReadOnlyList<long>? UserGroup);
