using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace RnnGen.Benchmarks.Harness;

/// <summary>
/// Turns every job of the class (the default one, or whatever --job asks for) into a cold start: a fresh process
/// per launch that times exactly one call, with no warm-up and no jitting call before it. A mutator rather than
/// [SimpleJob], so that "--job short" does not add a warm job beside it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ColdStartAttribute : JobMutatorConfigBaseAttribute
{
    /// <summary>Launches (processes) per job; each gives one sample.</summary>
    public const int Launches = 10;

    public ColdStartAttribute()
        : base(new Job("ColdStart")
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(Launches)
            .WithWarmupCount(0)
            .WithIterationCount(1))
    {
    }
}
