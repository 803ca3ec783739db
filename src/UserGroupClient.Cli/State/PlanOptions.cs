namespace UserGroupClient.Cli.State;

/// <summary>What a plan manages: members (a file's <c>members</c>, sync's <c>--members</c>) and deletions (<c>--prune</c>).</summary>
internal sealed record PlanOptions(bool Members, bool Prune);
