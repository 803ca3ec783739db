namespace UserGroupClient.Owl;

/// <summary>The refusals and errors both Owl facades share.</summary>
internal static class OwlFacade
{
    public static void RefuseParent(string? parentId, string dialect)
    {
        if (parentId is not null)
        {
            throw new NotSupportedException($"{dialect} have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).");
        }
    }

    public static void RefuseComment(string? comment, string dialect)
    {
        if (comment is not null)
        {
            throw new NotSupportedException($"{dialect} have no comment; Comment is not supported (see Capabilities.SupportsComment).");
        }
    }

    public static UserGroupNotFoundException NotFound(string dialect, int id) =>
        new($"{dialect}: no group has id {id}.") { Dialect = "Owl" };
}
