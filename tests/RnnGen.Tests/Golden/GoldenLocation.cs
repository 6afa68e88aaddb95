using System;
using System.IO;

namespace RnnGen.Tests.Golden;

/// <summary>Where the shared golden vectors live: <c>../shared/golden</c> beside the repository root.</summary>
public static class GoldenLocation
{
    /// <summary>The golden directory; fails with the places it looked when it is missing.</summary>
    public static string Directory { get; } = Find();

    private static string Find()
    {
        // The repository root is the first directory above the test binaries that holds RnnGen.sln.
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RnnGen.sln")))
            {
                string golden = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "golden"));
                return File.Exists(Path.Combine(golden, "manifest.json"))
                    ? golden
                    : throw new DirectoryNotFoundException($"The repository root is {dir.FullName}, but {golden} holds no manifest.json.");
            }
        }

        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} holds RnnGen.sln.");
    }
}
