using System.Diagnostics.Metrics;

namespace UserGroupClient.Tests.Resilience;

/// <summary>Notes the <c>http.request.resend_count</c> of each retry the SDK counts for one client, until disposed.</summary>
internal static class RetryCounter
{
    public static MeterListener Listen(string client, List<object?> retries)
    {
        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "UserGroupClient" && instrument.Name == "usergroupclient.client.retries")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var named = tags.ToArray();
            if (named.Any(t => t.Key == "usergroupclient.client" && Equals(t.Value, client)))
            {
                lock (retries)
                {
                    retries.Add(named.Single(t => t.Key == "http.request.resend_count").Value);
                }
            }
        });
        meters.Start();
        return meters;
    }
}
