using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnGen.Generator.Benchmarks;

/// <summary>
/// The generator over a project of 50 <c>[SimpleRnn]</c> classes: the first run (what opening the project or a full
/// build pays) and a rerun after an edit of another file (what every keystroke in the IDE pays).
/// </summary>
[MemoryDiagnoser]
public class GeneratorRunBenchmarks
{
    private SyntaxTree _unrelated = SyntheticProject.UnrelatedTree(0);
    private CSharpCompilation _compilation = SyntheticProject.Create(SyntheticProject.UnrelatedTree(0));
    private GeneratorDriver _driver = SyntheticProject.CreateDriver();
    private int _revision;

    [GlobalSetup]
    public void Setup()
    {
        _unrelated = SyntheticProject.UnrelatedTree(0);
        _compilation = SyntheticProject.Create(_unrelated);
        _driver = SyntheticProject.CreateDriver().RunGenerators(_compilation);
        RerunGuard.AssertRerunEmitsNothing();
    }

    /// <summary>A new driver over a new compilation: binds every annotated class, plans and emits 50 files.</summary>
    [Benchmark]
    public GeneratorDriver FirstRun() => SyntheticProject.CreateDriver().RunGenerators(SyntheticProject.Create(_unrelated));

    /// <summary>The driver kept from the previous run, over a compilation in which only the unrelated file changed.</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        SyntaxTree edited = SyntheticProject.UnrelatedTree(++_revision);
        _compilation = _compilation.ReplaceSyntaxTree(_unrelated, edited);
        _unrelated = edited;
        _driver = _driver.RunGenerators(_compilation);
        return _driver;
    }
}
