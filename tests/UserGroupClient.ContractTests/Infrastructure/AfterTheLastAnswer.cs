namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>What a request gets once a sequence of answers (<see cref="ContractServer.GivenInTurn(AfterTheLastAnswer, ContractFixture[])"/>) has run out.</summary>
public enum AfterTheLastAnswer
{
    /// <summary>
    /// Nothing: the request matches no mapping and gets WireMock's own 404, which <see cref="ContractServer.Received"/>
    /// and <see cref="ContractServer.ReceivedInOrder"/> refuse, so a request the test did not expect fails it at once
    /// (a client that asks for a page too many stops there instead of reading the last page again).
    /// </summary>
    NoMapping,

    /// <summary>The last answer again, for every later request: a server that keeps failing, or keeps answering late.</summary>
    RepeatIt,
}
