using System;
using System.IO;

namespace RnnGen.Runtime.Tests.Formats;

public class GoldenLocationTests
{
    [Fact]
    public void The_golden_directory_lies_inside_the_repository()
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Golden.RepositoryRoot));

        Assert.StartsWith(root + Path.DirectorySeparatorChar, Path.GetFullPath(Golden.Directory), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "RnnGen.sln")), $"{root} holds no RnnGen.sln.");
    }
}
