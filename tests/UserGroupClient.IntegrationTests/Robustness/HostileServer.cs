using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// A server that plays whatever a test scripts, path by path, on Kestrel at <c>127.0.0.1</c> and a free port: the
/// malicious or broken endpoint the emulators never are (compression bombs, redirects to another origin). It records
/// every request it receives, headers and body, so a test can say what reached it.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private Func<HttpContext, Task> _otherwise = context =>
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    };

    private HostileServer(WebApplication app) => _app = app;

    /// <summary>The server's address, with a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<HostileServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new HostileServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var listening = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        server.BaseAddress = new Uri($"http://127.0.0.1:{listening.Port}/");
        return server;
    }

    /// <summary>Answers requests to <paramref name="path"/>; the responder gets the request's number on that path, from 0.</summary>
    public void On(string path, Func<HttpContext, int, Task> respond) => _routes[path] = respond;

    /// <summary>Answers every request to <paramref name="path"/> the same way.</summary>
    public void On(string path, Func<HttpContext, Task> respond) => On(path, (context, _) => respond(context));

    /// <summary>Answers every path no <see cref="On(string, Func{HttpContext, int, Task})"/> names; 404 until set.</summary>
    public void Otherwise(Func<HttpContext, Task> respond) => _otherwise = respond;

    /// <summary>A JSON answer.</summary>
    public static Func<HttpContext, Task> Json(string json, int status = 200) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json)).AsTask();
    };

    /// <summary>A JSON answer whose body is <paramref name="encoded"/>, labelled with <paramref name="encoding"/>.</summary>
    public static Func<HttpContext, Task> Encoded(byte[] encoded, string encoding, int status = 200) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.ContentEncoding = encoding;
        context.Response.ContentLength = encoded.Length;
        return context.Response.Body.WriteAsync(encoded).AsTask();
    };

    /// <summary>A redirect to <paramref name="location"/>.</summary>
    public static Func<HttpContext, Task> Redirect(Uri location, int status = 307) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location.AbsoluteUri;
        return Task.CompletedTask;
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        _received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Encoding.UTF8.GetString(body.ToArray())));

        if (!_routes.TryGetValue(path, out var respond))
        {
            await _otherwise(context);
            return;
        }

        var hit = _hits.AddOrUpdate(path, 0, (_, count) => count + 1);
        await respond(context, hit);
    }
}

/// <summary>One request as <see cref="HostileServer"/> received it.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The whole request as text: request line, headers and body.</summary>
    public override string ToString() =>
        $"{Method} {PathAndQuery}\n{string.Join('\n', Headers.Select(h => $"{h.Key}: {h.Value}"))}\n\n{Body}";
}
