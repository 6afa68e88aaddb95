using System.Linq;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>
/// The batch sizes N the batched members run with. The kernels step k sequences per call (each generated header
/// states its k per CPU path) and the sequences left over one at a time, so the edges lie around multiples of k:
/// every N up to 9 holds k − 1, k and k + 1 for every k up to 8, and 2k + 1 for every k up to 4; 15 to 17 do the
/// same for k = 16; <see cref="Many"/> adds a batch of many tiles. <see cref="BatchWidthTests"/> checks that every
/// stated k finds its neighbours here.
/// </summary>
public static class BatchSizes
{
    /// <summary>A batch of many tiles and a remainder for most k.</summary>
    public const int Many = 100;

    /// <summary>Above this cost per sequence a batch of <see cref="Many"/> takes too long on the scalar path, and is left out.</summary>
    public const long MaxMultiplyAddsForMany = 700_000;

    /// <summary>Every size but <see cref="Many"/>, ascending.</summary>
    public static readonly int[] AroundTiles = [.. Enumerable.Range(0, 10), 15, 16, 17];

    /// <summary>The largest of <see cref="AroundTiles"/>: for every k the headers state, whole tiles and a remainder.</summary>
    public static int LargestAroundTiles => AroundTiles[^1];

    /// <summary>The sizes <paramref name="layer"/> runs with, ascending.</summary>
    public static int[] For(BatchedLayer layer)
        => layer.MultiplyAddsPerSequence <= MaxMultiplyAddsForMany ? [.. AroundTiles, Many] : AroundTiles;
}
