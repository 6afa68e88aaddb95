using System.Reflection;

namespace RnnGen.Package.Tests.Infrastructure;

/// <summary>Where this repository is, and the configuration these tests were built in (set by the project file).</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The tests pack and publish what was built in this configuration.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string Metadata(string key)
        => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
