using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Zhibiao.Analytics.Cli.Cluster;
using Zhibiao.Analytics.Orleans;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics silo [--port P] [--gateway-port G] [--primary HOST:PORT] [--address IP]</c>: hosts an Orleans silo that
/// forecasts partitions for <c>analytics forecast --cluster</c>, with development clustering (the primary silo keeps
/// the membership; the first silo is its own primary). Prints a line with <c>ready</c> once it accepts work; Ctrl-C
/// (or SIGTERM) stops it cleanly, also while it starts. A silo that cannot join within --join-timeout seconds (default
/// <see cref="DefaultJoinTimeout"/>; no primary listens at --primary) gives up with one line, exit 2.
/// </summary>
internal static class SiloCommand
{
    /// <summary>How long a silo tries to start and join its cluster before giving up, unless --join-timeout says: 30 s.</summary>
    public const int DefaultJoinTimeout = 30;

    /// <summary>How long stopping may take before the process ends anyway: 10 s.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => 11111 };
        var gateway = new Option<int>("--gateway-port") { Description = "Port clients connect to (forecast --cluster HOST:G).", DefaultValueFactory = _ => 30000 };
        var primary = new Option<string?>("--primary") { Description = "HOST:PORT (silo port) of the primary silo, which keeps the membership (default: this silo is the primary)." };
        var address = new Option<string>("--address")
        {
            Description = "IP address other silos and clients reach this one at (default 127.0.0.1: one machine; another address listens on all interfaces).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var joinTimeout = new Option<int>("--join-timeout")
        {
            Description = $"Seconds to start and join the cluster before giving up (1 to 3600; default {DefaultJoinTimeout}).",
            DefaultValueFactory = _ => DefaultJoinTimeout,
        };
        var command = new Command("silo", "Host an Orleans silo that forecasts partitions of series for forecast --cluster; Ctrl-C stops it; gives up when it cannot join within --join-timeout.")
        {
            port, gateway, primary, address, joinTimeout,
        };
        command.SetAction(parse =>
        {
            int siloPort = parse.GetValue(port), gatewayPort = parse.GetValue(gateway);
            foreach ((string name, int value) in new[] { ("--port", siloPort), ("--gateway-port", gatewayPort) })
                if (value is < 1 or > 65535) throw new CliUsageException($"{name} must be between 1 and 65535, not {value}");
            if (!IPAddress.TryParse(parse.GetValue(address), out IPAddress? ip)) throw new CliUsageException($"--address: '{parse.GetValue(address)}' is not an IP address");
            IPEndPoint membership = parse.GetValue(primary) is { } p ? Endpoints.Parse(p, "--primary") : new IPEndPoint(ip, siloPort);
            int seconds = parse.GetValue(joinTimeout);
            if (seconds is < 1 or > 3600) throw new CliUsageException($"--join-timeout must be between 1 and 3600 seconds, not {seconds}");
            return Host(context, ip, siloPort, gatewayPort, membership, TimeSpan.FromSeconds(seconds));
        });
        return command;
    }

    private static int Host(CliContext context, IPAddress address, int siloPort, int gatewayPort, IPEndPoint primary, TimeSpan joinTimeout)
    {
        RequireFree(address, siloPort, "--port");
        RequireFree(address, gatewayPort, "--gateway-port");
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (Endpoints.ClusterId, Endpoints.ClusterId))
            .UseDevelopmentClustering(primary)
            .ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address))
            .AddForecasting(context.Models));
        using IHost host = builder.Build();
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        context.Out.WriteLine($"silo starting: {address}:{siloPort}, primary {primary}; gives up after {joinTimeout.TotalSeconds:0} s");
        context.Out.Flush();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        patience.CancelAfter(joinTimeout);
        try
        {
            host.StartAsync(patience.Token).WaitAsync(patience.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (stop.IsCancellationRequested)
        {
            _ = e;
            StopWithin(host);
            context.Out.WriteLine("silo stopped before it was ready");
            return AnalyticsCli.Ok;
        }
        catch (OperationCanceledException)
        {
            StopWithin(host);
            throw new CliUsageException($"the silo could not start and join the cluster within {joinTimeout.TotalSeconds:0} s (primary {primary}{(primary.Port == siloPort && primary.Address.Equals(address) ? "" : ": is a silo running there? start the primary first")})");
        }
        catch (Exception e)
        {
            StopWithin(host);
            throw new CliUsageException($"the silo could not start on {address}:{siloPort} (gateway {gatewayPort}, primary {primary}): {AnalyticsCli.OneLine(e.Message)}");
        }

        context.Out.WriteLine($"silo ready: {address}:{siloPort}, gateway {address}:{gatewayPort}, primary {primary}; Ctrl-C stops it");
        context.Out.Flush();
        try
        {
            Task.Delay(Timeout.Infinite, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        StopWithin(host);
        context.Out.WriteLine("silo stopped");
        return AnalyticsCli.Ok;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Stops the host, giving up after <see cref="StopTimeout"/> (the process ends anyway).</summary>
    private static void StopWithin(IHost host)
    {
        try
        {
            host.StopAsync(StopTimeout).WaitAsync(StopTimeout).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or OrleansException or InvalidOperationException)
        {
            // Stopping a silo that never joined can fail; nothing is left to clean up.
        }
    }

    /// <summary>Fails when the port is taken (Orleans' listener shares a port with another silo's without a word).</summary>
    private static void RequireFree(IPAddress address, int port, string option)
    {
        var listener = new TcpListener(IPAddress.IsLoopback(address) ? address : IPAddress.Any, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new CliUsageException($"{option} {port} is not free on {address}: {e.Message}");
        }
        finally
        {
            listener.Stop();
        }
    }
}
