using System;
using System.Collections.Generic;
using System.Linq;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>The annotated classes of this project, of every cell, as <see cref="BatchedLayer"/>s: the SimpleRNN and the gated catalogs together.</summary>
public static class BatchCatalog
{
    /// <summary>
    /// Beyond this, loading random weights and running a batch take seconds: only the largest layer each cell allows
    /// (about 10^8 multiply-adds per sequence) lies beyond, and only the stack test runs those.
    /// </summary>
    public const long MaxMultiplyAddsPerSequence = 20_000_000;

    private static readonly string[] SimpleRnnModels = [.. ((IEnumerable<object[]>)ModelCatalog.All).Select(row => (string)row[0])];

    /// <summary>Every model of every cell but the largest layers.</summary>
    public static TheoryData<string> All => new(Names());

    /// <summary>
    /// A new instance of the model called <paramref name="name"/> holding random weights, and the generator they
    /// came from, seeded by the name so that every run sees the same numbers.
    /// </summary>
    public static (BatchedLayer Layer, Random Random) CreateLoaded(string name)
    {
        if (GatedCatalog.Find(name) is not null)
        {
            (GatedUnderTest gated, GatedWeights gatedWeights, Random gatedRandom) = GatedCatalog.CreateLoaded(name);
            return (BatchedLayer.Of(gated, gatedWeights), gatedRandom);
        }

        (RnnUnderTest rnn, WeightSet weights, Random random) = ModelCatalog.CreateLoaded(name);
        return (BatchedLayer.Of(rnn, weights), random);
    }

    /// <summary>The SimpleRNN catalog holds none of the largest layers.</summary>
    private static IEnumerable<string> Names()
        => SimpleRnnModels.Concat(GatedCatalog.NamesWhere(shape => Cost(shape) <= MaxMultiplyAddsPerSequence));

    private static long Cost(GatedShape shape) => BatchedLayer.MultiplyAdds(shape.Timesteps, shape.Gates, shape.Input, shape.Output);
}
