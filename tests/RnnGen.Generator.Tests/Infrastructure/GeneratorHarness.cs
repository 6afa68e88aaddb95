using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RnnGen.Generator.Diagnostics;

namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over in-memory sources against the net8.0 reference assemblies and the runtime library.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(SimpleRnnAttribute).Assembly.Location),
    ];

    /// <summary>Parse options as a consumer with XML docs on would have, so doc-comment mistakes in generated code surface.</summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest)
        => new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(string source, LanguageVersion version = LanguageVersion.Latest, string path = "Model.cs")
        => CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, ParseOptions(version), path)],
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                optimizationLevel: OptimizationLevel.Release));

    public static GeneratorDriver CreateDriver(LanguageVersion version = LanguageVersion.Latest, IEnumerable<AdditionalText>? additionalTexts = null)
        => CSharpGeneratorDriver.Create(
            [new RnnGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions(version),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Generates for <paramref name="source"/> and compiles the result; also runs RnnGen's analyzer, as a build
    /// does, since some of RnnGen's diagnostics come from it.
    /// </summary>
    public static GenerationResult Run(string source, LanguageVersion version = LanguageVersion.Latest)
        => Run(source, [], version);

    /// <summary>Generates with <paramref name="files"/> as the project's AdditionalFiles (written to a temp folder).</summary>
    public static GenerationResult Run(string source, IEnumerable<AdditionalText> files, LanguageVersion version = LanguageVersion.Latest)
    {
        CSharpCompilation compilation = CreateCompilation(source, version);
        GeneratorDriver driver = CreateDriver(version, files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        ImmutableArray<Diagnostic> analyzerDiagnostics = compilation
            .WithAnalyzers([new PartialDeclarationAnalyzer()])
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        return new GenerationResult(driver, output, [.. generatorDiagnostics, .. analyzerDiagnostics]);
    }
}

/// <summary>What one generator run produced.</summary>
/// <param name="Diagnostics">Everything RnnGen reported: the generator's diagnostics and its analyzer's.</param>
internal sealed record GenerationResult(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public GeneratorRunResult RunResult => Driver.GetRunResult().Results.Single();

    public ImmutableArray<GeneratedSourceResult> Sources => RunResult.GeneratedSources;

    /// <summary>
    /// Errors and warnings of the compilation that includes the generated code; missing XML docs count only in
    /// generated code (test sources do not document their classes).
    /// </summary>
    public ImmutableArray<Diagnostic> CompilationProblems
        => [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && (d.Id != "CS1591" || IsGenerated(d.Location.SourceTree)))];

    private bool IsGenerated(SyntaxTree? tree) => tree is not null && Sources.Any(s => s.SyntaxTree == tree);

    /// <summary>The generated source, with line numbers, for failure messages.</summary>
    public string NumberedSources()
        => string.Join("\n", Sources.Select(s => $"==== {s.HintName}\n" + string.Join("\n", s.SourceText.ToString().Split('\n').Select((line, i) => $"{i + 1,5}: {line}"))));
}

/// <summary>An AdditionalFiles item backed by a real file, as MSBuild passes it; binary content is never decoded as text.</summary>
internal sealed class FileAdditionalText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("A weights file must not be read as text (the compiler reports CS2015 for binary files).");

    /// <summary>Writes <paramref name="bytes"/> to <c>{temp}/{unique}/{relativePath}</c> and returns the item.</summary>
    public static FileAdditionalText Create(string relativePath, byte[] bytes)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rnngen-tests", Guid.NewGuid().ToString("N"), relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return new FileAdditionalText(path);
    }
}
