using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Tests.Infrastructure;
using RnnGen.Runtime.Tests.Formats;

namespace RnnGen.Generator.Tests.Weights;

/// <summary><c>[SimpleRnn(Weights = ...)]</c>: weights read from AdditionalFiles at build time and compiled in.</summary>
public class EmbeddedWeightsTests
{
    private const int T = 3, I = 2, O = 4;

    private static readonly float[] W = Values(O * I, 1), U = Values(O * O, 2), B = Values(O, 3);

    [Fact]
    public void Snapshot_of_a_small_embedded_model()
    {
        GenerationResult result = GeneratorHarness.Run(Source("models/tiny.npz"), [KerasFile("models/tiny.npz")]);
        Assert.Empty(result.Diagnostics);
        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems) + result.NumberedSources());
        GeneratedSourceResult generated = Assert.Single(result.Sources);
        SnapshotVerifier.Verify(generated.HintName, generated.SourceText.ToString());
    }

    [Theory]
    [InlineData("tiny.npz")]
    [InlineData("tiny.safetensors")]
    public void Embedded_weights_give_exactly_what_loading_the_same_weights_gives(string file)
    {
        AdditionalText text = file.EndsWith(".npz", StringComparison.Ordinal) ? KerasFile("models/" + file) : TorchFile("models/" + file, "rnn.");
        using var assembly = new InMemoryAssembly(GeneratorHarness.Run(Source(file, prefix: "rnn."), [text]));
        float[] inputs = Values(T * I, 4);

        float[] embedded = assembly.Invoke<float[]>("Harness", "RunEmbedded", inputs);
        float[] loaded = assembly.Invoke<float[]>("Harness", "RunLoaded", W, U, B, inputs);

        Assert.Equal(loaded, embedded);
        Assert.Contains(embedded, value => value != 0f);
    }

    [Fact]
    public void Generation_with_negative_weights_does_not_depend_on_the_current_culture()
    {
        string Generate() => GeneratorHarness.Run(Source("tiny.npz"), [KerasFile("tiny.npz")]).Sources.Single().SourceText.ToString();
        string invariant = Generate();
        Assert.Contains("-0.", invariant);

        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            odd.NumberFormat.NegativeSign = "\u2212";
            odd.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = odd;
            Assert.Equal(invariant, Generate());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void RNN0011_file_not_among_additional_files() => AssertDiagnostic(
        Source("models/missing.npz"), [KerasFile("models/tiny.npz")], DiagnosticIds.WeightsFileNotFound,
        "No AdditionalFiles item ends with 'models/missing.npz'; add <AdditionalFiles Include=\"models/missing.npz\" /> to the project (or fix the path)");

    [Fact]
    public void RNN0012_malformed_file() => AssertDiagnostic(
        Source("bad.safetensors"), [FileAdditionalText.Create("bad.safetensors", [1, 2, 3])], DiagnosticIds.WeightsFileUnreadable,
        "Weights file 'bad.safetensors' cannot be read: ");

    [Fact]
    public void RNN0013_tensor_missing() => AssertDiagnostic(
        Source("tiny.safetensors"),
        [FileAdditionalText.Create("tiny.safetensors", SafetensorsWriter.Write([SafetensorsWriter.FromFloats("weight_ih_l0", W, [O, I])]))],
        DiagnosticIds.WeightsTensorMissing,
        "Weights file 'tiny.safetensors' does not fit 'Model': The safetensors file has no tensor 'weight_hh_l0'");

    [Fact]
    public void RNN0014_shape_mismatch() => AssertDiagnostic(
        Source("tiny.npz"),
        [FileAdditionalText.Create("tiny.npz", NpzWriter.WriteKeras(Values(5 * O, 1), Transpose(U, O, O), B, 5, O))],
        DiagnosticIds.WeightsShapeMismatch,
        "Weights file 'tiny.npz' does not fit 'Model': Tensor 'kernel' has shape (5, 4) but this layer needs (2, 4)");

    [Fact]
    public void RNN0015_non_finite_weight()
    {
        float[] u = (float[])U.Clone();
        u[5] = float.NaN;
        AssertDiagnostic(
            Source("tiny.safetensors"),
            [FileAdditionalText.Create("tiny.safetensors", SafetensorsWriter.WritePyTorch(W, u, B, new float[O], I, O))],
            DiagnosticIds.WeightsNotFinite,
            "Weights file 'tiny.safetensors': tensor 'weight_hh_l0' holds NaN at flat index 5; weights must be finite numbers");
    }

    [Fact]
    public void RNN0015_non_finite_weight_is_named_by_the_file_tensor_and_its_flat_index_in_the_file()
    {
        // The kernel is Wᵀ (I×O): its flat index 1 is W's flat index 2, and the file holds the kernel.
        float[] kernel = Transpose(W, O, I);
        kernel[1] = float.PositiveInfinity;
        AssertDiagnostic(
            Source("tiny.npz"),
            [FileAdditionalText.Create("tiny.npz", NpzWriter.WriteKeras(kernel, Transpose(U, O, O), B, I, O))],
            DiagnosticIds.WeightsNotFinite,
            "Weights file 'tiny.npz': tensor 'kernel' holds Infinity at flat index 1; weights must be finite numbers");
    }

    [Fact]
    public void RNN0015_biases_whose_sum_overflows_are_named_together_with_the_flat_index()
    {
        float[] biasIh = [.. B], biasHh = [.. B];
        biasIh[3] = 3e38f;
        biasHh[3] = 3e38f;
        AssertDiagnostic(
            Source("tiny.safetensors", prefix: "rnn."),
            [FileAdditionalText.Create("tiny.safetensors", SafetensorsWriter.WritePyTorch(W, U, biasIh, biasHh, I, O, "rnn."))],
            DiagnosticIds.WeightsNotFinite,
            "Weights file 'tiny.safetensors': tensors 'rnn.bias_ih_l0' + 'rnn.bias_hh_l0' = Infinity at flat index 3 (3E+38 + 3E+38): each is finite, but their sum overflows float");
    }

    [Fact]
    public void RNN0016_path_matches_several_files() => AssertDiagnostic(
        Source("tiny.npz"), [KerasFile("a/tiny.npz"), KerasFile("b/tiny.npz")], DiagnosticIds.WeightsFileAmbiguous,
        "'tiny.npz' matches several AdditionalFiles (");

    [Fact]
    public void RNN0017_no_parameterless_constructor()
    {
        GenerationResult result = GeneratorHarness.Run(
            """
            [RnnGen.SimpleRnn(Timesteps = 3, Input = 2, Output = 4, Weights = "tiny.npz")]
            public partial class Model
            {
                public Model(int seed) { }
            }
            """,
            [KerasFile("tiny.npz")]);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.NoParameterlessConstructor, diagnostic.Id);
        Assert.StartsWith("'Model' sets Weights, so RnnGen generates CreateWithEmbeddedWeights()", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Editing_the_weights_file_regenerates_and_other_edits_do_not()
    {
        AdditionalText weights = KerasFile("tiny.npz");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source("tiny.npz"))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Other { }", GeneratorHarness.ParseOptions(), "Other.cs"));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(additionalTexts: [weights]).RunGenerators(compilation);

        // An unrelated edit: nothing is emitted again.
        SyntaxTree other = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("public static class Other { public static int X; }", GeneratorHarness.ParseOptions(), "Other.cs"));
        driver = driver.RunGenerators(edited);
        Assert.All(OutputReasons(driver), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));

        // New weights in the file (the IDE hands the generator a new AdditionalText): the file is emitted again.
        File.WriteAllBytes(weights.Path, NpzWriter.WriteKeras(Transpose(Values(O * I, 9), O, I), Transpose(U, O, O), B, I, O));
        driver = driver.ReplaceAdditionalText(weights, new FileAdditionalText(weights.Path)).RunGenerators(edited);
        Assert.All(OutputReasons(driver), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
    }

    [Fact]
    public void RNN0021_weights_prefix_with_an_npz_file_is_a_warning_and_the_weights_still_compile_in()
    {
        GenerationResult result = GeneratorHarness.Run(Source("tiny.npz", prefix: "rnn."), [KerasFile("tiny.npz")]);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticIds.WeightsPrefixIgnored, DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(
            "WeightsPrefix = \"rnn.\" on 'Model' has no effect: 'tiny.npz' is read in the Keras layout, whose arrays have fixed names; remove it",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("CreateWithEmbeddedWeights", Assert.Single(result.Sources).SourceText.ToString(), StringComparison.Ordinal);
        Assert.True(result.CompilationProblems.IsEmpty, string.Join("\n", result.CompilationProblems));
    }

    [Fact]
    public void Moving_a_class_with_weights_neither_rereads_the_file_nor_re_emits()
    {
        AdditionalText weights = KerasFile("tiny.npz");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source("tiny.npz"));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(additionalTexts: [weights]).RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation moved = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("\n" + Source("tiny.npz"), GeneratorHarness.ParseOptions(), tree.FilePath));
        GeneratorRunResult result = driver.RunGenerators(moved).GetRunResult().Results.Single();

        // Only the steps that carry the Weights argument's location see the move; the file is not read or decoded again.
        foreach (string step in TrackingNames.All)
        {
            IncrementalStepRunReason[] allowed = step is TrackingNames.Parse or TrackingNames.WeightsSites
                ? [IncrementalStepRunReason.Modified]
                : [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];
            foreach (IncrementalStepRunReason reason in StepReasons(result, step))
            {
                Assert.True(allowed.Contains(reason), $"step {step} was {reason}");
            }
        }

        Assert.NotEmpty(StepReasons(result, TrackingNames.Resolved));
        Assert.All(OutputReasons(driver.RunGenerators(moved)), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_weights_diagnostic_follows_its_class_when_it_moves()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source("missing.npz"));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(additionalTexts: [KerasFile("tiny.npz")]).RunGenerators(compilation);
        Assert.Equal(0, Assert.Single(driver.GetRunResult().Diagnostics).Location.GetLineSpan().StartLinePosition.Line);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation moved = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("\n\n" + Source("missing.npz"), GeneratorHarness.ParseOptions(), tree.FilePath));
        Diagnostic diagnostic = Assert.Single(driver.RunGenerators(moved).GetRunResult().Diagnostics);
        Assert.Equal((DiagnosticIds.WeightsFileNotFound, 2), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
    }

    private static IEnumerable<IncrementalStepRunReason> StepReasons(GeneratorRunResult result, string step)
        => result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(run => run.Outputs).Select(o => o.Reason) : [];

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorDriver driver)
    {
        var reasons = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        return reasons;
    }

    private static void AssertDiagnostic(string source, AdditionalText[] files, string id, string messageStart)
    {
        GenerationResult result = GeneratorHarness.Run(source, files);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.StartsWith(messageStart, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        SyntaxTree tree = result.Output.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.StartsWith("Weights = ", tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(result.Sources);
    }

    private static string Source(string path, string prefix = "") => $$"""
        [RnnGen.SimpleRnn(Timesteps = {{T}}, Input = {{I}}, Output = {{O}}, Weights = "{{path}}", WeightsPrefix = "{{prefix}}")]
        public partial class Model { }

        public static class Harness
        {
            public static float[] RunEmbedded(float[] x) => Run(Model.CreateWithEmbeddedWeights(), x);

            public static float[] RunLoaded(float[] w, float[] u, float[] b, float[] x)
            {
                var model = new Model();
                model.LoadWeights(w, u, b);
                return Run(model, x);
            }

            private static float[] Run(Model model, float[] x)
            {
                var y = new float[Model.Timesteps * Model.OutputSize];
                model.Run(x, y);
                return y;
            }
        }
        """;

    /// <summary>The model in Keras layout: kernel = Wᵀ, recurrent kernel = Uᵀ.</summary>
    private static FileAdditionalText KerasFile(string path)
        => FileAdditionalText.Create(path, NpzWriter.WriteKeras(Transpose(W, O, I), Transpose(U, O, O), B, I, O));

    /// <summary>The model in PyTorch layout, the bias split in two halves whose float sum is b.</summary>
    private static FileAdditionalText TorchFile(string path, string prefix)
    {
        float[] half = [.. B.Select(b => b / 2)];
        float[] rest = [.. B.Select((b, o) => b - half[o])];
        return FileAdditionalText.Create(path, SafetensorsWriter.WritePyTorch(W, U, half, rest, I, O, prefix));
    }

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (random.NextSingle() * 2f) - 1f)];
    }

    private static float[] Transpose(float[] source, int rows, int cols)
    {
        var result = new float[source.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                result[(c * rows) + r] = source[(r * cols) + c];
            }
        }

        return result;
    }
}
