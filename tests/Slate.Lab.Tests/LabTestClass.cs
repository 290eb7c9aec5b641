namespace Slate.Lab.Tests;

/// <summary>A test class whose every test gets a freshly seeded lab served over loopback (<see cref="LabHarness"/>).</summary>
public abstract class LabTestClass : IAsyncLifetime
{
    protected LabHarness Lab { get; private set; } = null!;

    public async Task InitializeAsync() => Lab = await LabHarness.StartAsync();

    public async Task DisposeAsync() => await Lab.DisposeAsync();
}
