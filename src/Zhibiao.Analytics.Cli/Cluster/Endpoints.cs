using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Zhibiao.Analytics.Cli.Cluster;

/// <summary>HOST:PORT texts of the cluster options, and the names the silos and clients of one cluster share.</summary>
internal static class Endpoints
{
    /// <summary>The Orleans cluster id and service id of the silos the command line hosts and the clients it connects.</summary>
    public const string ClusterId = "zhibiao-analytics";

    /// <summary>One HOST:PORT (a name or an IP address); <paramref name="option"/> names the option in the error.</summary>
    /// <exception cref="CliUsageException">Not HOST:PORT, a port out of range, or a host that does not resolve.</exception>
    public static IPEndPoint Parse(string text, string option)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new CliUsageException($"{option}: '{text}' is not HOST:PORT (a port from 1 to 65535), e.g. localhost:30000");
        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out IPAddress? address)) return new IPEndPoint(address, port);
        try
        {
            IPAddress[] found = Dns.GetHostAddresses(host);
            IPAddress? chosen = found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? found.FirstOrDefault();
            return chosen is null ? throw new CliUsageException($"{option}: host '{host}' has no address") : new IPEndPoint(chosen, port);
        }
        catch (SocketException e)
        {
            throw new CliUsageException($"{option}: host '{host}' cannot be resolved ({e.Message})");
        }
    }

    /// <summary>A comma-separated list of HOST:PORT.</summary>
    /// <exception cref="CliUsageException">An empty list or a bad entry.</exception>
    public static IPEndPoint[] ParseList(string text, string option)
    {
        string[] parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new CliUsageException($"{option}: give at least one HOST:PORT");
        return [.. parts.Select(p => Parse(p, option))];
    }
}
