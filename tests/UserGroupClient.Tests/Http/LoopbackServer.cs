using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for what only a real connection shows: it answers each request with the
/// JSON body <see cref="Answer"/> gives for its path, keeps the connection open, and notes when a client closes one.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LoopbackServer(Func<string, (HttpStatusCode Status, string Json)> answer)
    {
        Answer = answer;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Gives the status and JSON body of the answer to a request for a path.</summary>
    public Func<string, (HttpStatusCode Status, string Json)> Answer { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The request line of every request served, as "METHOD path".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Completes when a client closes a connection it sent a request on.</summary>
    public Task ConnectionClosed => _closed.Task;

    public void Dispose() => _listener.Dispose();

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var pending = new StringBuilder();
            var buffer = new byte[8192];
            try
            {
                while (true)
                {
                    int headerEnd;
                    while ((headerEnd = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                    {
                        if (!await ReadAsync(stream, buffer, pending))
                        {
                            return;
                        }
                    }

                    var head = pending.ToString(0, headerEnd).Split("\r\n");
                    var length = head.Skip(1).Select(line => line.Split(':', 2)).Where(h => h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h[1], CultureInfo.InvariantCulture)).FirstOrDefault();
                    while (pending.Length < headerEnd + 4 + length)
                    {
                        if (!await ReadAsync(stream, buffer, pending))
                        {
                            return;
                        }
                    }

                    pending.Remove(0, headerEnd + 4 + length);
                    var requestLine = head[0].Split(' ');
                    _requests.Enqueue($"{requestLine[0]} {requestLine[1]}");
                    var (status, json) = Answer(requestLine[1]);
                    var body = Encoding.UTF8.GetBytes(json);
                    var response = Encoding.ASCII.GetBytes($"HTTP/1.1 {(int)status} {status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                    await stream.WriteAsync(response.Concat(body).ToArray());
                }
            }
            catch (IOException)
            {
                _closed.TrySetResult();
            }
        }
    }

    // False when the client closed the connection.
    private async Task<bool> ReadAsync(NetworkStream stream, byte[] buffer, StringBuilder pending)
    {
        var read = await stream.ReadAsync(buffer);
        if (read == 0)
        {
            _closed.TrySetResult();
            return false;
        }

        pending.Append(Encoding.Latin1.GetString(buffer, 0, read));
        return true;
    }
}
