using Slate.Maas.Errors;

namespace Slate.Maas.Tests;

public sealed class MaasCredentialsTests
{
    private const string Key = "ck:tk:topsecret";

    [Theory]
    [InlineData("http://10.0.0.2:5240/MAAS")]
    [InlineData("http://10.0.0.2:5240/MAAS/")]
    [InlineData("http://10.0.0.2:5240/MAAS/api/2.0/")]
    [InlineData("http://10.0.0.2:5240/MAAS/api/2.0")]
    public void Every_accepted_form_of_the_url_addresses_the_2_0_api(string url)
    {
        var credentials = new MaasCredentials(new Uri(url), Key);
        Assert.Equal("http://10.0.0.2:5240/MAAS/api/2.0/", credentials.ApiBase.ToString());
    }

    [Theory]
    [InlineData("http://maas:pa55w0rd@10.0.0.2:5240/MAAS/")]
    [InlineData("ftp://maas:pa55w0rd@10.0.0.2/MAAS/")]
    public void A_url_carrying_a_password_is_refused_without_echoing_it(string url)
    {
        // MAAS authenticates with the API key only; a user:password in the URL would be printed by ToString and errors.
        var error = Assert.Throws<MaasConfigurationException>(() => new MaasCredentials(new Uri(url), Key));
        Assert.DoesNotContain("pa55w0rd", error.Message);
    }

    [Fact]
    public void Another_api_version_is_refused()
    {
        var error = Assert.Throws<MaasConfigurationException>(() => new MaasCredentials(new Uri("http://h/MAAS/api/1.0/"), Key));
        Assert.Contains("1.0", error.Message);
    }

    [Theory]
    [InlineData("ck:tk")]
    [InlineData("ck:tk:secret:extra")]
    [InlineData("ck::secret")]
    public void A_key_without_exactly_three_parts_is_refused_without_echoing_it(string key)
    {
        var error = Assert.Throws<MaasConfigurationException>(() => new MaasCredentials(new Uri("http://h/MAAS/"), key));
        Assert.Contains("API key", error.Message);
        Assert.DoesNotContain("secret", error.Message.Replace("token_secret", ""));
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var text = new MaasCredentials(new Uri("http://h/MAAS/"), Key).ToString();
        Assert.Contains("http://h/MAAS/", text);
        Assert.DoesNotContain("topsecret", text);
        Assert.DoesNotContain("ck:tk", text);
    }

    [Fact]
    public void FromEnvironment_reads_MAAS_URL_and_MAAS_API_KEY()
    {
        var credentials = MaasCredentials.FromEnvironment(new Dictionary<string, string?>
        {
            ["MAAS_URL"] = "http://maas.example:5240/MAAS",
            ["MAAS_API_KEY"] = Key,
        });
        Assert.Equal("http://maas.example:5240/MAAS/api/2.0/", credentials.ApiBase.ToString());
        Assert.Equal(Key, credentials.ApiKey);
    }

    [Theory]
    [InlineData(null, Key, "MAAS_URL")]
    [InlineData("http://h/MAAS", null, "MAAS_API_KEY")]
    [InlineData("not a url", Key, "MAAS_URL")]
    [InlineData("ftp://h/MAAS", Key, "http")]
    public void FromEnvironment_names_the_missing_or_bad_variable(string? url, string? key, string named)
    {
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromEnvironment(
            new Dictionary<string, string?> { ["MAAS_URL"] = url, ["MAAS_API_KEY"] = key }));
        Assert.Contains(named, error.Message);
    }
}
