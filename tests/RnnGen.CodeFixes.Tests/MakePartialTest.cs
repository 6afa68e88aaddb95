using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RnnGen.Generator.Diagnostics;

namespace RnnGen.CodeFixes.Tests;

/// <summary>
/// Runs RnnGen's analyzer over a source, applies <see cref="MakePartialCodeFixProvider"/> and compares the result.
/// References come from Basic.Reference.Assemblies, so nothing is downloaded while testing.
/// </summary>
internal sealed class MakePartialTest : CSharpCodeFixTest<PartialDeclarationAnalyzer, MakePartialCodeFixProvider, DefaultVerifier>
{
    public MakePartialTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        TestState.AdditionalReferences.AddRange(Net80.References.All);
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(SimpleRnnAttribute).Assembly.Location));
    }
}
