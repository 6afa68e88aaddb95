namespace RnnGen.Package.Tests.Infrastructure;

/// <summary>
/// The tests that drive the dotnet CLI run one at a time: they share one packed package, and two builds at once
/// would only contend for the same cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotNetCliTests : ICollectionFixture<PackedPackage>
{
    public const string Name = "dotnet CLI";
}
