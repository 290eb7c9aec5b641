using Slate.Runbook.BundleCheck;
using Slate.Runbook.Files;
using Slate.Runbook.Sites;
using Slate.Runbook.Tests.Sites;

namespace Slate.Runbook.Tests.Files;

/// <summary>Site, bundle and overlay files are read only when they are regular files under the size limit.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly SpecialFiles special = new();

    public void Dispose() => special.Dispose();

    public static TheoryData<string, string> NotRegular => new()
    {
        { "/dev/zero", "is a character device, not a regular file" },
        { "fifo", "is a FIFO, not a regular file" },
        { "directory", "is a directory, not a regular file" },
    };

    private string PathOf(string kind) => kind switch
    {
        "fifo" => special.Fifo(),
        "directory" => special.Folder(),
        _ => kind,
    };

    [Theory]
    [MemberData(nameof(NotRegular))]
    public void A_site_file_that_is_not_a_regular_file_is_refused(string kind, string problem)
    {
        var path = PathOf(kind);

        var error = SpecialFiles.Refused<SiteFileException>(() => SiteLoader.Load(path));

        Assert.Equal((path, 0L, "site", problem), (error.File, error.Line, error.Field, error.Problem));
    }

    [Theory]
    [MemberData(nameof(NotRegular))]
    public void A_bundle_or_overlay_that_is_not_a_regular_file_is_refused(string kind, string problem)
    {
        var path = PathOf(kind);
        var bundle = Path.Combine(special.Dir, "bundle.yaml");
        File.WriteAllText(bundle, "applications:\n  a:\n    charm: a\n");

        var asBundle = SpecialFiles.Refused<BundleFileException>(() => BundleLoader.Load(path, []));
        var asOverlay = SpecialFiles.Refused<BundleFileException>(() => BundleLoader.Load(bundle, [path]));

        Assert.Equal((path, problem), (asBundle.File, asBundle.Problem));
        Assert.Equal((path, problem), (asOverlay.File, asOverlay.Problem));
    }

    [Fact]
    public void A_site_file_over_the_limit_is_refused_naming_the_limit()
    {
        var path = special.Sparse(InputFile.DefaultLimit + 1);

        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Load(path));

        Assert.Equal($"huge.yaml:0: site: is {InputFile.DefaultLimit + 1} bytes, over the limit of 16 MiB", error.Message);
    }

    [Fact]
    public void A_file_at_the_limit_is_read_whole()
    {
        var path = special.Sparse(64);

        Assert.Equal(new byte[64], InputFile.ReadBytes(path, problem => new InvalidDataException(problem), limit: 64));
        Assert.Throws<InvalidDataException>(() => InputFile.ReadBytes(path, problem => new InvalidDataException(problem), limit: 63));
    }

    [Fact]
    public void A_symbolic_link_to_a_regular_site_file_is_followed()
    {
        var link = Path.Combine(special.Dir, "site.yaml");
        File.CreateSymbolicLink(link, SiteFiles.CaracalPath);

        Assert.Equal("caracal-testcloud", SiteLoader.Load(link).Cloud.Name);
    }

    [Fact]
    public async Task A_path_swapped_between_a_file_and_a_fifo_while_it_is_read_is_either_read_or_refused_never_waited_on()
    {
        var fifo = special.Fifo();
        var regular = Path.Combine(special.Dir, "regular.yaml");
        File.WriteAllText(regular, "content");
        var path = Path.Combine(special.Dir, "swapped.yaml");
        File.CreateSymbolicLink(path, regular);
        using var stop = new CancellationTokenSource();
        // Another process's part: the link is replaced (rename(2), atomic) by one to the FIFO and back, as fast as it can.
        var swapper = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var next = Path.Combine(special.Dir, $"next-{i}");
                File.CreateSymbolicLink(next, i % 2 == 0 ? fifo : regular);
                File.Move(next, path, overwrite: true);
            }
        });
        // The window between the check and the open is microseconds: many reads make a read that waits on the FIFO certain.
        var outcomes = new HashSet<string>();
        var reads = Task.Run(() =>
        {
            for (var i = 0; i < 50000; i++)
            {
                try
                {
                    outcomes.Add(InputFile.ReadText(path, problem => new InvalidDataException(problem)));
                }
                catch (InvalidDataException e)
                {
                    outcomes.Add(e.Message);
                }
            }
        });

        var ended = await Task.WhenAny(reads, Task.Delay(TimeSpan.FromSeconds(60))) == reads;
        await stop.CancelAsync();
        await swapper;

        Assert.True(ended, "a read blocked on the FIFO swapped in after the check");
        await reads;
        Assert.Subset(new HashSet<string> { "content", "is a FIFO, not a regular file" }, outcomes);
    }

    [Fact]
    public void A_missing_file_is_still_file_not_found()
    {
        var error = Assert.Throws<SiteFileException>(() => SiteLoader.Load(Path.Combine(special.Dir, "nothing", "site.yaml")));

        Assert.EndsWith(":0: site: file not found", error.Message);
    }
}
