using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests.Incrementality;

/// <summary>
/// The generator must not redo work the IDE did not ask for: every keystroke elsewhere in a project reruns
/// the pipeline, and only a change to a [SimpleRnn] declaration may re-emit its file.
/// </summary>
public class IncrementalityTests
{
    private const string ModelSource = """
        namespace Game;

        [RnnGen.SimpleRnn(Timesteps = 100, Input = 32, Output = 64)]
        public partial class MotionModel { }

        [RnnGen.Gru(Timesteps = 10, Input = 3, Output = 8)]
        public partial class Policy { }

        [RnnGen.Lstm(Timesteps = 10, Input = 3, Output = 8)]
        public partial class Voice { }
        """;

    private const string OtherSource = """
        namespace Game;

        public static class Scoring
        {
            public static int Add(int a, int b) => a + b;
        }
        """;

    private static readonly string[] TrackedSteps = TrackingNames.All;

    [Fact]
    public void Rerun_on_a_cloned_compilation_is_fully_cached()
    {
        CSharpCompilation compilation = CreateCompilation(ModelSource, OtherSource);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        GeneratorRunResult result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertSteps(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void An_edit_of_another_file_emits_nothing()
    {
        CSharpCompilation compilation = CreateCompilation(ModelSource, OtherSource);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        CSharpCompilation edited = ReplaceTree(compilation, 1, OtherSource.Replace("a + b", "a + b + 1"));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertSteps(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void A_comment_in_the_model_file_emits_nothing()
    {
        CSharpCompilation compilation = CreateCompilation(ModelSource, OtherSource);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        CSharpCompilation edited = ReplaceTree(compilation, 0, ModelSource.Replace("public partial class", "// The player's motion.\npublic partial class"));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The parse step reruns on the edited file, but its model is equal, so nothing after it runs again.
        AssertSteps(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Theory]
    [InlineData("Timesteps = 100", "Timesteps = 50", "Game.MotionModel.SimpleRnn.g.cs")]
    [InlineData("Output = 8)]\npublic partial class Policy", "Output = 9)]\npublic partial class Policy", "Game.Policy.Gru.g.cs")]
    [InlineData("public partial class Voice", "public partial class Voice2", "Game.Voice2.Lstm.g.cs")]
    public void Changing_one_layer_regenerates_that_layer_only(string before, string after, string regenerated)
    {
        CSharpCompilation compilation = CreateCompilation(ModelSource, OtherSource);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        CSharpCompilation edited = ReplaceTree(compilation, 0, ModelSource.Replace(before, after));
        GeneratorDriver rerun = driver.RunGenerators(edited);
        GeneratorRunResult result = rerun.GetRunResult().Results.Single();

        Assert.Equal(1, Outputs(result, TrackingNames.Plans).Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.Equal(2, Outputs(result, TrackingNames.Plans).Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains(result.GeneratedSources, s => s.HintName == regenerated);
        Assert.Equal(3, result.GeneratedSources.Length);
    }

    [Fact]
    public void Step_outputs_hold_no_Roslyn_objects()
    {
        CSharpCompilation compilation = CreateCompilation(ModelSource, OtherSource, """
            [RnnGen.SimpleRnn(Timesteps = 0, Input = 1, Output = 1)]
            public class Broken { }
            """);
        GeneratorRunResult result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        int visited = 0;
        foreach (string step in TrackedSteps)
        {
            foreach ((object value, _) in Outputs(result, step))
            {
                AssertNoRoslynObject(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                visited++;
            }
        }

        Assert.True(visited >= 12, $"expected outputs from every step, saw {visited}");
    }

    [Fact]
    public void Output_is_deterministic()
    {
        string first = string.Concat(GeneratorHarness.Run(ModelSource).Sources.Select(s => s.HintName + s.SourceText));
        string second = string.Concat(GeneratorHarness.Run(ModelSource).Sources.Select(s => s.HintName + s.SourceText));
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }

    private static CSharpCompilation CreateCompilation(params string[] sources)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(sources[0], path: "File0.cs");
        for (int i = 1; i < sources.Length; i++)
        {
            compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(sources[i], GeneratorHarness.ParseOptions(), $"File{i}.cs"));
        }

        return compilation;
    }

    private static CSharpCompilation ReplaceTree(CSharpCompilation compilation, int index, string source)
    {
        SyntaxTree old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions(), old.FilePath));
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
        => result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(run => run.Outputs) : [];

    private static void AssertSteps(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        foreach (string step in TrackedSteps)
        {
            foreach ((object value, IncrementalStepRunReason reason) in Outputs(result, step))
            {
                Assert.True(allowed.Contains(reason), $"step {step} output {value} was {reason}");
            }
        }

        Assert.NotEmpty(Outputs(result, TrackingNames.Plans));
    }

    private static void AssertOutputs(GeneratorRunResult result, IncrementalStepRunReason expected)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(expected, output.Reason));
    }

    /// <summary>Walks a model's object graph; any symbol, node, compilation or location would pin memory and defeat caching.</summary>
    private static void AssertNoRoslynObject(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Compilation or Location or AttributeData or SyntaxToken,
            $"{path} holds a Roslyn object of type {value.GetType()}");

        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                AssertNoRoslynObject(item, $"{path}[{index++}]", seen);
            }

            return;
        }

        if (value.GetType().Assembly != typeof(RnnGenerator).Assembly)
        {
            return;
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertNoRoslynObject(property.GetValue(value), $"{path}.{property.Name}", seen);
            }
        }
    }
}
