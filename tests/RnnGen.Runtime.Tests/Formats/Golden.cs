using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>The golden tensors: <c>tests/data/golden</c> in this repository.</summary>
internal static class Golden
{
    /// <summary>One line of <c>cases.tsv</c>.</summary>
    internal sealed record Case(string Name, int Input, int Output, bool UseBias)
    {
        public override string ToString() => Name;
    }

    /// <summary>The repository root: the first directory above the test binaries that holds RnnGen.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The golden directory; fails naming the path it expected when it is missing.</summary>
    public static string Directory { get; } = FindGolden();

    public static IReadOnlyList<Case> Cases()
        => File.ReadAllLines(Path.Combine(Directory, "cases.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new Case(f[0], int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), bool.Parse(f[5])))
            .ToList();

    /// <summary>A raw little-endian float32 tensor.</summary>
    public static float[] Read(Case golden, string tensor)
        => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(Directory, golden.Name, tensor + ".bin"))).ToArray();

    private static string FindGolden()
    {
        string golden = Path.GetFullPath(Path.Combine(RepositoryRoot, "tests", "data", "golden"));
        return File.Exists(Path.Combine(golden, "cases.tsv"))
            ? golden
            : throw new DirectoryNotFoundException($"The repository root is {RepositoryRoot}, but {golden} holds no cases.tsv.");
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RnnGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No directory above " + AppContext.BaseDirectory + " holds RnnGen.sln.");
    }
}
