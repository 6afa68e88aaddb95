using System.Collections.Generic;
using System.Collections.Immutable;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Weights;

/// <summary>Gives the problems found in weights files the location of the <c>Weights</c> argument that named them.</summary>
internal static class WeightsDiagnostics
{
    public static IEnumerable<DiagnosticInfo> Locate(ImmutableArray<ResolveResult> results, ImmutableArray<WeightsSite> sites)
    {
        var locations = new Dictionary<string, LocationInfo?>();
        foreach (WeightsSite site in sites)
        {
            locations[site.HintName] = site.Location;
        }

        foreach (ResolveResult result in results)
        {
            locations.TryGetValue(result.HintName, out LocationInfo? location);
            foreach (WeightsProblem problem in result.Problems)
            {
                yield return new DiagnosticInfo(problem.Id, location, problem.Arguments);
            }
        }
    }
}
