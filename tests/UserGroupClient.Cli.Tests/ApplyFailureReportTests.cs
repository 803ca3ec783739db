using System.Text.RegularExpressions;

namespace UserGroupClient.Cli.Tests;

/// <summary>The line on standard error after an apply that failed midway: which change failed, why, and how far it got.</summary>
public sealed class ApplyFailureReportTests
{
    [Fact]
    public async Task TheFailedChangeIsNamedWithItsReasonAndTheCountsOfDoneAndNotDone()
    {
        await using var scenario = await MidwayFailure.StartAsync();

        var failed = await scenario.Ugc.RunAsync("apply", "--backend", "ops", "-f", "groups.json");

        Assert.Equal(1, failed.ExitCode);
        var line = Regex.Match(failed.Error, @"\Augc: AddMembers of 'b-team' failed: (?<reason>.+) 1 change\(s\) done, 1 not done; run the same command again to finish\.\r?\n\z");
        Assert.True(line.Success, failed.Error);
        var reason = line.Groups["reason"].Value;
        Assert.Contains("500", reason, StringComparison.Ordinal);
        var failure = Assert.Single(TextTable.Rows(failed.Output), r => r[0].StartsWith("FAILED: ", StringComparison.Ordinal));
        Assert.Equal(["+ members", "b-team"], failure[1..3]);
        Assert.StartsWith("FAILED: " + reason[..20], failure[0], StringComparison.Ordinal);
    }
}
