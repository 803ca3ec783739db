using System.Text.Json.Serialization;

namespace UserGroupClient.Cli.Output;

// The --json documents, one record per shape; their property names are the stable schema that docs/cli.md describes.

/// <summary>A group as every --json document shows it.</summary>
internal sealed record GroupJson(string Id, string Name, string? Comment, string? ParentId, int? MemberCount)
{
    public static GroupJson Of(UserGroup group) => new(group.Id, group.Name, group.Comment, group.ParentId, group.MemberCount);
}

/// <summary>A member as every --json document shows it.</summary>
internal sealed record MemberJson(string Id, string? Name, string? UserName)
{
    public static MemberJson Of(GroupMember member) => new(member.Id, member.Name, member.UserName);
}

internal sealed record BackendJson(string Name, string Dialect, string? Address, bool UserDirectory, bool Answers, string? Error);

internal sealed record BackendsJson(IReadOnlyList<BackendJson> Backends);

internal sealed record GroupsJson(string Backend, IReadOnlyList<GroupJson> Groups);

internal sealed record GroupResultJson(string Backend, GroupJson Group);

internal sealed record DeletedGroupJson(string Backend, GroupJson Deleted);

internal sealed record MembersJson(string Backend, GroupJson Group, IReadOnlyList<MemberJson> Members);

internal sealed record MemberChangeJson(string Backend, GroupJson Group, IReadOnlyList<MemberJson> Added, IReadOnlyList<MemberJson> Removed, IReadOnlyList<MemberJson> Members);

internal sealed record ChangeJson(string Action, string Group, string? Comment, string? Parent, IReadOnlyList<string> Members, string Status, string? Error);

internal sealed record NoteJson(string? Group, string Kind, string Message);

internal sealed record PlanJson(string Backend, string? Source, bool Applied, IReadOnlyList<ChangeJson> Changes, IReadOnlyList<NoteJson> Notes);

/// <summary>The generated serializers of the --json documents (no reflection: the tool is published with NativeAOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BackendsJson))]
[JsonSerializable(typeof(GroupsJson))]
[JsonSerializable(typeof(GroupResultJson))]
[JsonSerializable(typeof(DeletedGroupJson))]
[JsonSerializable(typeof(MembersJson))]
[JsonSerializable(typeof(MemberChangeJson))]
[JsonSerializable(typeof(PlanJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
