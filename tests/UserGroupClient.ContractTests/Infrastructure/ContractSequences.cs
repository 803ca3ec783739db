using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// Mappings a single fixture cannot express: one endpoint answering successive requests differently (pages, a fault
/// before the answer, a lookup before and after a create), or answering with something other than its fixture's answer.
/// </summary>
public static class ContractSequences
{
    /// <summary>
    /// Answers the requests to one method and path with <paramref name="answers"/>, one each, in turn. A request past the
    /// last answer matches no mapping and gets WireMock's own 404, which <see cref="ContractServer.Received"/> and
    /// <see cref="ContractServer.ReceivedInOrder"/> refuse: an extra request fails the test instead of passing unseen.
    /// </summary>
    public static ContractServer GivenInTurn(this ContractServer server, string method, string path, params IResponseBuilder[] answers)
    {
        var scenario = $"{method} {path}";
        for (var step = 0; step < answers.Length; step++)
        {
            var mapping = server.Server.Given(Request.Create().UsingMethod(method).WithPath(path)).InScenario(scenario);
            mapping = step == 0 ? mapping : mapping.WhenStateIs(State(step));
            mapping.WillSetStateTo(State(step + 1)).RespondWith(answers[step]);
        }

        return server;
    }

    /// <summary>Answers the requests to the fixtures' one method and path with each fixture's answer, in turn (pages, for instance).</summary>
    public static ContractServer GivenInTurn(this ContractServer server, params ContractFixture[] fixtures)
    {
        var first = fixtures[0];
        Assert.All(fixtures, fixture => Assert.True(
            fixture.Method == first.Method && fixture.Path == first.Path,
            $"{fixture.Name} is not an answer of {first.Method} {first.Path}."));
        return server.GivenInTurn(first.Method, first.Path, [.. fixtures.Select(ContractServer.Answer)]);
    }

    /// <summary>Answers every request to the fixture's method and path with <paramref name="answer"/> (a fault, for instance).</summary>
    public static ContractServer GivenAnswer(this ContractServer server, ContractFixture fixture, IResponseBuilder answer)
    {
        server.Server.Given(Request.Create().UsingMethod(fixture.Method).WithPath(fixture.Path)).RespondWith(answer);
        return server;
    }

    private static string State(int step) => $"after {step}";
}
