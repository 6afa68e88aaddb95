using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnGen.Generator.Benchmarks;

/// <summary>
/// Checks, before measuring, that the rerun benchmark measures what it claims: after an unrelated edit every
/// generated file comes from the cache. The incrementality tests check this in detail; this guards the benchmark.
/// </summary>
internal static class RerunGuard
{
    public static void AssertRerunEmitsNothing()
    {
        SyntaxTree original = SyntheticProject.UnrelatedTree(0);
        CSharpCompilation compilation = SyntheticProject.Create(original);
        GeneratorDriver driver = SyntheticProject.CreateDriver(trackSteps: true).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        if (first.GeneratedSources.Length != SyntheticProject.ModelCount || !first.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"Expected {SyntheticProject.ModelCount} generated files and no diagnostics, got {first.GeneratedSources.Length} files and {first.Diagnostics.Length} diagnostics.");
        }

        GeneratorRunResult rerun = driver
            .RunGenerators(compilation.ReplaceSyntaxTree(original, SyntheticProject.UnrelatedTree(1)))
            .GetRunResult().Results.Single();
        var notCached = rerun.TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Where(output => output.Reason != IncrementalStepRunReason.Cached)
            .ToList();
        if (notCached.Count > 0)
        {
            throw new InvalidOperationException($"{notCached.Count} outputs were not cached after an unrelated edit.");
        }
    }
}
