using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// The probe is sent after the caller has its task back: a transport that holds its thread (a caller's own
/// <see cref="HttpClient"/> may) never holds the caller of <see cref="KylinClient.DetectFlavorAsync"/>, who can stop
/// waiting, nor, through the client's lock, the other first callers.
/// </summary>
public sealed class KylinProbeOffTheCallerTests
{
    [ThreadStatic]
    private static bool t_insideTheCall;

    [Fact]
    public async Task TheProbeIsNotSentOnTheCallersThreadBeforeTheCallReturns()
    {
        var sentInsideTheCall = new List<bool>();
        var stub = new StubHandler(_ =>
        {
            lock (sentInsideTheCall)
            {
                sentInsideTheCall.Add(t_insideTheCall);
            }

            return KylinProbeAnswers.Of(KylinFlavor.Kylin5);
        });
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Auto);

        t_insideTheCall = true;
        var detection = kylin.Client.DetectFlavorAsync();
        t_insideTheCall = false;

        Assert.Equal(KylinFlavor.Kylin5, await detection);
        Assert.Equal([false], sentInsideTheCall);
    }
}
