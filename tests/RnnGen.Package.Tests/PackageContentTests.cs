using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using RnnGen.Package.Tests.Infrastructure;

namespace RnnGen.Package.Tests;

/// <summary>What the packed RnnGen package holds: one package gives the library, the generator and the code fixes.</summary>
[Collection(DotNetCliTests.Name)]
public class PackageContentTests(PackedPackage package)
{
    [Fact]
    public void Holds_the_library_with_its_docs_the_generator_the_code_fixes_and_the_readme()
    {
        using ZipArchive nupkg = ZipFile.OpenRead(package.NupkgPath);
        Assert.Equal(
            [
                "README.md",
                "RnnGen.nuspec",
                "analyzers/dotnet/cs/RnnGen.CodeFixes.dll",
                "analyzers/dotnet/cs/RnnGen.Generator.dll",
                "lib/net8.0/RnnGen.Runtime.dll",
                "lib/net8.0/RnnGen.Runtime.xml",
            ],
            ContentEntries(nupkg));
    }

    [Fact]
    public void Nuspec_carries_the_metadata_a_feed_shows()
    {
        using ZipArchive nupkg = ZipFile.OpenRead(package.NupkgPath);
        XElement metadata = Nuspec(nupkg).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.Equal("RnnGen", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Contains("source generator", Value("description"), StringComparison.Ordinal);
        Assert.Contains("source-generator", Value("tags").Split(' '));
        Assert.Equal("expression", Element("license").Attribute("type")?.Value);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("https://github.com/rnngen/rnngen", Element("repository").Attribute("url")?.Value);

        // The generator and code fixes are inside the package, not dependencies of it; the library needs nothing.
        Assert.DoesNotContain(Element("dependencies").Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void Assemblies_are_deterministic_and_the_generator_loads_without_workspaces()
    {
        using ZipArchive nupkg = ZipFile.OpenRead(package.NupkgPath);
        foreach (string entry in new[] { "lib/net8.0/RnnGen.Runtime.dll", "analyzers/dotnet/cs/RnnGen.Generator.dll", "analyzers/dotnet/cs/RnnGen.CodeFixes.dll" })
        {
            using PEReader pe = OpenAssembly(nupkg, entry);
            // A deterministic build marks itself with a Reproducible debug directory entry.
            Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.Reproducible);
        }

        // The command-line compiler has no Workspaces assembly: the generator must not need it (the code fixes may).
        using PEReader generator = OpenAssembly(nupkg, "analyzers/dotnet/cs/RnnGen.Generator.dll");
        MetadataReader reader = generator.GetMetadataReader();
        Assert.DoesNotContain(
            reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)),
            name => name.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public void Symbols_package_holds_the_library_pdb()
    {
        using ZipArchive snupkg = ZipFile.OpenRead(package.SnupkgPath);
        Assert.Contains("lib/net8.0/RnnGen.Runtime.pdb", ContentEntries(snupkg));
    }

    /// <summary>Entries other than the OPC bookkeeping every package has.</summary>
    private static List<string> ContentEntries(ZipArchive archive)
        => [.. archive.Entries
            .Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)];

    private static XDocument Nuspec(ZipArchive archive)
    {
        using Stream stream = archive.GetEntry("RnnGen.nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static PEReader OpenAssembly(ZipArchive archive, string entry)
    {
        using Stream stream = archive.GetEntry(entry)!.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return new PEReader(copy);
    }
}
