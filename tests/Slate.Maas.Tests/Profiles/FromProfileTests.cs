using Slate.Maas.Errors;

namespace Slate.Maas.Tests.Profiles;

public sealed class FromProfileTests : IDisposable
{
    private readonly ProfileFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("two-profiles.db")]
    [InlineData("page-1024.db")]
    [InlineData("page-65536.db")]
    public void Both_large_profiles_are_read_through_interior_pages_and_overflow_chains(string file)
    {
        var admin = MaasCredentials.FromProfile("admin", ProfileFiles.Fixture(file));
        var ops = MaasCredentials.FromProfile("ops", ProfileFiles.Fixture(file));

        Assert.Equal("http://10.0.0.2:5240/MAAS/api/2.0/", admin.ApiBase.ToString());
        Assert.Equal("adminCK:adminTK:admin-s3cret-do-not-print", admin.ApiKey);
        Assert.Equal("http://maas.example:5240/MAAS/api/2.0/", ops.ApiBase.ToString());
        Assert.Equal("opsCK:opsTK:ops-s3cret-do-not-print", ops.ApiKey);
    }

    [Fact]
    public void Credentials_stored_as_one_string_are_accepted()
    {
        var credentials = MaasCredentials.FromProfile("string-creds", ProfileFiles.Fixture("variants.db"));

        Assert.Equal("http://10.0.0.3:5240/MAAS/api/2.0/", credentials.ApiBase.ToString());
        Assert.Equal("strCK:strTK:str-s3cret-do-not-print", credentials.ApiKey);
    }

    [Fact]
    public void Data_stored_as_a_blob_is_read_like_text()
    {
        var credentials = MaasCredentials.FromProfile("blob-data", ProfileFiles.Fixture("variants.db"));

        Assert.Equal("http://10.0.0.4:5240/MAAS/api/2.0/", credentials.ApiBase.ToString());
        Assert.Equal("blobCK:blobTK:blob-s3cret-do-not-print", credentials.ApiKey);
    }

    [Theory]
    [InlineData("node-000", 0)]
    [InlineData("node-151", 151)]
    [InlineData("node-299", 299)]
    public void Any_of_300_rows_is_found_in_a_three_level_btree(string name, int index)
    {
        var credentials = MaasCredentials.FromProfile(name, ProfileFiles.Fixture("many-rows.db"));

        Assert.Equal($"http://maas-{index}.example:5240/MAAS/api/2.0/", credentials.ApiBase.ToString());
        Assert.Equal($"ck{index}:tk{index}:secret{index}", credentials.ApiKey);
    }

    [Fact]
    public void A_missing_profile_lists_the_profiles_that_exist()
    {
        var path = ProfileFiles.Fixture("two-profiles.db");
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile("staging", path));

        Assert.Equal($"There is no maas CLI profile 'staging' in {path}; it has: admin, ops.", error.Message);
    }

    [Fact]
    public void A_missing_database_says_to_log_in_first()
    {
        var path = _files.MissingFile();
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile("admin", path));

        Assert.Equal($"The maas CLI profile database {path} does not exist; run `maas login admin URL KEY` first.", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_named_and_refused()
    {
        var path = _files.Scratch("maascli.db", "[profiles]\nadmin = http://h/MAAS/\n"u8.ToArray());
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile("admin", path));

        Assert.Equal($"{path} is not a readable SQLite database: it does not start with the SQLite 3 header.", error.Message);
    }

    [Fact]
    public void A_database_cut_in_half_is_reported_as_truncated()
    {
        var whole = File.ReadAllBytes(ProfileFiles.Fixture("two-profiles.db"));
        var path = _files.Scratch("half.db", whole[..(whole.Length / 2)]);
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile("admin", path));

        Assert.StartsWith($"{path} is not a readable SQLite database: it is truncated:", error.Message);
    }

    [Fact]
    public void A_utf16_database_is_refused_by_name()
    {
        var path = ProfileFiles.Fixture("utf16.db");
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile("admin", path));

        Assert.Equal($"{path} is not a readable SQLite database: its text encoding is UTF-16le; only UTF-8 is supported.", error.Message);
    }

    [Theory]
    [InlineData("anonymous", "was logged in anonymously")]
    [InlineData("not-json", "its data is not valid JSON")]
    [InlineData("two-part-key", "exactly 3 non-empty ':'-separated parts")]
    [InlineData("api-1.0", "only 2.0 is supported")]
    public void An_unusable_profile_is_explained_in_one_line_without_its_secret(string name, string explanation)
    {
        var path = ProfileFiles.Fixture("variants.db");
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile(name, path));

        Assert.StartsWith($"maas CLI profile '{name}' in {path}", error.Message);
        Assert.Contains(explanation, error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
