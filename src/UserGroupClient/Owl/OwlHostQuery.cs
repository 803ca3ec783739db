namespace UserGroupClient.Owl;

/// <summary>A host listing's checked filters and page (<see cref="OwlInput.HostQuery"/>), as the query string takes them.</summary>
internal readonly record struct OwlHostQuery(string? Status, string? Search, int? Page, int? PageSize);
