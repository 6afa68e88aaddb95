using System;
using System.IO;

namespace RnnGen.Tests.Golden;

/// <summary>Where the golden vectors live: <c>tests/data/golden</c> in this repository.</summary>
public static class GoldenLocation
{
    /// <summary>The golden directory, relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine("tests", "data", "golden");

    /// <summary>The repository root: the first directory above the test binaries that holds RnnGen.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The golden directory; fails naming the path it expected when it is missing.</summary>
    public static string Directory { get; } = Find();

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RnnGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} holds RnnGen.sln.");
    }

    private static string Find()
    {
        string golden = Path.GetFullPath(Path.Combine(RepositoryRoot, RelativePath));
        return File.Exists(Path.Combine(golden, "manifest.json"))
            ? golden
            : throw new DirectoryNotFoundException($"The repository root is {RepositoryRoot}, but {golden} holds no manifest.json.");
    }
}
