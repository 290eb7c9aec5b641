using Slate.Maas.Errors;

namespace Slate.Maas.Tests.Profiles;

/// <summary>The maas CLI profile database is read only when it is a regular file: never a device or a folder.</summary>
public sealed class ProfileDatabaseFileTests
{
    [Fact]
    public void A_device_is_refused_naming_it()
    {
        var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile("admin", "/dev/zero"));

        Assert.Equal("The maas CLI profile database /dev/zero is a character device, not a regular file.", error.Message);
    }

    [Fact]
    public void A_folder_is_refused_as_a_folder_not_as_missing()
    {
        var folder = Directory.CreateTempSubdirectory("slate-profile-");
        try
        {
            var error = Assert.Throws<MaasConfigurationException>(() => MaasCredentials.FromProfile("admin", folder.FullName));

            Assert.Equal($"The maas CLI profile database {folder.FullName} is a directory, not a regular file.", error.Message);
        }
        finally
        {
            folder.Delete();
        }
    }
}
