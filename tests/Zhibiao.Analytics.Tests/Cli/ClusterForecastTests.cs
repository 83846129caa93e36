using System.Globalization;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>
/// forecast --partition-size and --cluster, and analytics silo: bad values are one line on stderr and exit 2; the
/// partitions run in this process give the same bytes as the whole batch for a local model. (The cluster itself is
/// tested in Orleans/ClusterForecasterTests and by benchmarks/cluster/kill-silo.sh with silo processes.)
/// </summary>
public sealed class ClusterForecastTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cluster-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Input()
    {
        string path = Path.Combine(_dir, "y.csv");
        var lines = new List<string> { "unique_id,ds,y" };
        for (int s = 0; s < 7; s++)
            for (int t = 0; t < 15 + s; t++)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"s{s},{1980 + t},{100 + (s * 10) + (t * (3 + s)) + (4 * Math.Sin(t + s))}"));
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Refused(string expected, params string[] args) => CliRunner.Refused(expected, args);

    [Theory]
    [InlineData("localhost", "--cluster: 'localhost' is not HOST:PORT")]
    [InlineData("localhost:0", "--cluster: 'localhost:0' is not HOST:PORT")]
    [InlineData("localhost:30000,:1", "--cluster: ':1' is not HOST:PORT")]
    [InlineData(",", "--cluster: give at least one HOST:PORT")]
    public void A_bad_cluster_address_is_refused(string cluster, string expected) =>
        Refused(expected, "forecast", "--input", Input(), "--horizon", "3", "--model", "naive", "--cluster", cluster, "--output", Path.Combine(_dir, "out.csv"));

    [Fact]
    public void A_partition_size_below_one_is_refused() =>
        Refused("--partition-size must be at least 1, not 0", "forecast", "--input", Input(), "--horizon", "3", "--model", "naive", "--partition-size", "0");

    [Theory]
    [InlineData("--port", "0", "--port must be between 1 and 65535, not 0")]
    [InlineData("--gateway-port", "70000", "--gateway-port must be between 1 and 65535, not 70000")]
    [InlineData("--address", "here", "--address: 'here' is not an IP address")]
    [InlineData("--primary", "nowhere", "--primary: 'nowhere' is not HOST:PORT")]
    public void A_bad_silo_option_is_refused(string option, string value, string expected) => Refused(expected, "silo", option, value);

    [Fact]
    public void A_silo_port_already_taken_is_refused()
    {
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            Refused($"--port {port} is not free on 127.0.0.1", "silo", "--port", port.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public void Partitions_in_this_process_give_the_bytes_of_the_whole_batch_for_a_local_model()
    {
        string input = Input();
        var whole = CliRunner.Run("forecast", "--input", input, "--horizon", "4", "--model", "theta");
        var parts = CliRunner.Run("forecast", "--input", input, "--horizon", "4", "--model", "theta", "--partition-size", "3");
        Assert.Equal(0, whole.Exit);
        Assert.Equal(0, parts.Exit);
        Assert.Equal(1 + (7 * 4), whole.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(whole.Out, parts.Out);
    }
}
