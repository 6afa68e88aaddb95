namespace RnnGen.Package.Tests.Infrastructure;

/// <summary>
/// The RnnGen package, packed once per test run from what was built in this configuration into a temporary folder
/// feed. Its version is new every time, so neither a NuGet cache nor any other feed can hold a stale copy of it.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly TemporaryDirectory _feed = new("rnngen-feed");

    public PackedPackage()
    {
        Version = $"0.0.0-test{Guid.NewGuid():N}";
        DotNet.Run(
            Repository.Root,
            environment: null,
            "pack", Repository.PathOf("runtime/RnnGen.Runtime.csproj"),
            "-c", Repository.Configuration,
            "--no-build", "--no-restore", "-nologo",
            "-o", _feed.Path,
            $"-p:PackageVersion={Version}",
            // Keeps the intermediate .nuspec out of the repository's obj folder.
            $"-p:NuspecOutputPath={_feed.Combine("nuspec")}{Path.DirectorySeparatorChar}");
    }

    public string Version { get; }

    /// <summary>A folder holding the .nupkg and .snupkg, usable as a NuGet source.</summary>
    public string FeedDirectory => _feed.Path;

    public string NupkgPath => _feed.Combine($"RnnGen.{Version}.nupkg");

    public string SnupkgPath => _feed.Combine($"RnnGen.{Version}.snupkg");

    public void Dispose() => _feed.Dispose();
}
