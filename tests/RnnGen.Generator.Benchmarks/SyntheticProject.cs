using System;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnGen.Generator.Benchmarks;

/// <summary>A project of <see cref="ModelCount"/> annotated classes of mixed shapes, one per file, plus one unrelated file.</summary>
internal static class SyntheticProject
{
    public const int ModelCount = 50;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(SimpleRnnAttribute).Assembly.Location),
    ];

    private static readonly int[] Timesteps = [1, 10, 100, 1000];
    private static readonly int[] Inputs = [1, 3, 8, 32, 100];
    private static readonly int[] Outputs = [1, 4, 16, 64, 65, 256];
    private static readonly string[] Activations = ["Tanh", "Relu", "Sigmoid", "Linear"];

    /// <summary>The model files, parsed once: the IDE keeps unchanged trees between edits.</summary>
    public static ImmutableArray<SyntaxTree> ModelTrees { get; } = [.. Enumerable.Range(0, ModelCount).Select(ModelTree)];

    public static SyntaxTree UnrelatedTree(int revision) => CSharpSyntaxTree.ParseText(
        string.Create(CultureInfo.InvariantCulture, $$"""
            namespace Game;

            public static class Scoring
            {
                public static int Add(int a, int b) => a + b + {{revision}};
            }
            """),
        ParseOptions,
        "Scoring.cs");

    public static CSharpCompilation Create(SyntaxTree unrelated) => CSharpCompilation.Create(
        "Game",
        [.. ModelTrees, unrelated],
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        [new RnnGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static SyntaxTree ModelTree(int index)
    {
        // Strides that are coprime with the table sizes, so the 50 classes cover many combinations.
        int timesteps = Timesteps[index % Timesteps.Length];
        int input = Inputs[(index * 3) % Inputs.Length];
        int output = Outputs[(index * 5) % Outputs.Length];
        string activation = Activations[(index * 7) % Activations.Length];
        string useBias = index % 3 == 0 ? "false" : "true";
        string source = string.Create(CultureInfo.InvariantCulture, $$"""
            using RnnGen;

            namespace Game.Models;

            [SimpleRnn(Timesteps = {{timesteps}}, Input = {{input}}, Output = {{output}}, Activation = RnnActivation.{{activation}}, UseBias = {{useBias}})]
            public partial class Model{{index}}
            {
            }
            """);
        return CSharpSyntaxTree.ParseText(source, ParseOptions, string.Create(CultureInfo.InvariantCulture, $"Model{index}.cs"));
    }
}
