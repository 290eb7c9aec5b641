using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;

namespace Slate.Maas.Tests.Support;

internal static class TestClients
{
    public const string ApiKey = "ck1234:tk5678:s3cr3tTokenSecret";

    public static MaasClient For(FakeMaasServer server, TimeProvider? time = null, int retryBudget = 4) =>
        new(new MaasCredentials(server.Root, ApiKey),
            new MaasClientOptions
            {
                TimeProvider = time ?? new FakeTimeProvider(),
                ReadRetryBudget = retryBudget,
                RequestTimeout = TimeSpan.FromSeconds(30),
            });

    /// <summary>A MAAS root on a loopback port nothing listens on (bound, then released), for refused connections.</summary>
    public static Uri ClosedLoopbackRoot()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/MAAS/");
    }

    /// <summary>Moves fake time forward until <paramref name="task"/> finishes; fails loudly if it never does.</summary>
    public static async Task<T> DriveAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan step)
    {
        for (var i = 0; i < 500 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(10));
            if (!task.IsCompleted) time.Advance(step);
        }
        Assert.True(task.IsCompleted, "the MAAS call did not finish while fake time advanced");
        return await task;
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
