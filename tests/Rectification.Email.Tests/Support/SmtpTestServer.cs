using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Rectification.Email.Tests.Support;

public enum SmtpRefusal { None, Greeting421, Mail451 }

public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A small SMTP server on 127.0.0.1 for the tests: enough of RFC 5321 for MailKit (greeting, EHLO/HELO, MAIL, RCPT,
/// DATA, RSET, NOOP, QUIT). It records what it accepts, can refuse (421 at the greeting, 451 at MAIL), and can be
/// stopped and started again on the same port to play an outage.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    // Latin-1 maps bytes to chars one to one, so the message reaches MimeKit exactly as it was sent.
    private static readonly Encoding Wire = Encoding.Latin1;

    private readonly Lock gate = new();
    private readonly List<ReceivedMail> received = [];
    private readonly List<TcpClient> sessions = [];
    private TcpListener? listener;
    private Task accepting = Task.CompletedTask;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; private set; }

    public SmtpRefusal Refusal { get; set; }

    /// <summary>How long the server thinks before accepting a message: makes concurrent dispatchers overlap.</summary>
    public TimeSpan DataDelay { get; set; }

    public int Sessions { get; private set; }

    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (gate)
            {
                return received.ToList();
            }
        }
    }

    public static SmtpTestServer Start()
    {
        var server = new SmtpTestServer(0);
        server.Listen();
        return server;
    }

    /// <summary>Stops listening and drops every open session: clients now get "connection refused".</summary>
    public async Task StopAsync()
    {
        var current = listener;
        listener = null;
        current?.Stop();
        lock (gate)
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }

            sessions.Clear();
        }

        await accepting;
    }

    public void Restart()
    {
        if (listener is not null)
        {
            throw new InvalidOperationException("The server is running.");
        }

        Listen();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Listen()
    {
        var next = new TcpListener(IPAddress.Loopback, Port);
        next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        next.Start();
        Port = ((IPEndPoint)next.LocalEndpoint).Port;
        listener = next;
        accepting = AcceptAsync(next);
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (gate)
            {
                sessions.Add(client);
                Sessions++;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Wire, detectEncodingFromByteOrderMarks: false);
                await using var writer = new StreamWriter(stream, Wire) { NewLine = "\r\n", AutoFlush = true };
                if (Refusal == SmtpRefusal.Greeting421)
                {
                    await writer.WriteLineAsync("421 4.3.2 Service not available, closing transmission channel");
                    return;
                }

                await writer.WriteLineAsync("220 localhost ESMTP test server");
                string? from = null;
                var recipients = new List<string>();
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                        case "HELO":
                            await writer.WriteLineAsync("250 localhost");
                            break;
                        case "MAIL":
                            if (Refusal == SmtpRefusal.Mail451)
                            {
                                await writer.WriteLineAsync("451 4.3.0 Requested action aborted: try again later");
                                break;
                            }

                            from = Address(line);
                            recipients.Clear();
                            await writer.WriteLineAsync("250 2.1.0 Ok");
                            break;
                        case "RCPT":
                            recipients.Add(Address(line));
                            await writer.WriteLineAsync("250 2.1.5 Ok");
                            break;
                        case "DATA":
                            if (from is null || recipients.Count == 0)
                            {
                                await writer.WriteLineAsync("503 5.5.1 Bad sequence of commands");
                                break;
                            }

                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var message = await ReadDataAsync(reader);
                            if (DataDelay > TimeSpan.Zero)
                            {
                                await Task.Delay(DataDelay);
                            }

                            lock (gate)
                            {
                                received.Add(new ReceivedMail(from, recipients.ToList(), message));
                            }

                            from = null;
                            recipients.Clear();
                            await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                            break;
                        case "RSET":
                            from = null;
                            recipients.Clear();
                            await writer.WriteLineAsync("250 2.0.0 Ok");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 2.0.0 Ok");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                            break;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The server was stopped under the session, or the client went away: both are part of the tests.
        }
        finally
        {
            lock (gate)
            {
                sessions.Remove(client);
            }
        }
    }

    private static async Task<MimeMessage> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line && line != ".")
        {
            // RFC 5321 4.5.2: a leading dot was doubled by the client.
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        using var stream = new MemoryStream(Wire.GetBytes(data.ToString()));
        return await MimeMessage.LoadAsync(stream);
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }
}
