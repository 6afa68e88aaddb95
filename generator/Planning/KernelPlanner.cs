using System;
using System.Collections.Generic;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Planning;

/// <summary>Turns a shape into a <see cref="KernelPlan"/>. Pure arithmetic, no Roslyn: unit-testable on its own.</summary>
internal static class KernelPlanner
{
    /// <summary>
    /// Vector multiply-adds per timestep above which columns are looped instead of spelled out. At this size a
    /// fully unrolled path is a few thousand lines that Roslyn and the JIT still compile in milliseconds; beyond
    /// it, code size grows with no speed left to gain, since a short loop body already keeps the FMA units busy.
    /// </summary>
    public const int UnrollBudget = 1024;

    /// <summary>
    /// The unroll budget of the Vector128 path, whose multiply-add is a helper call (FMA on x64 or Arm64, chosen by
    /// the JIT) rather than one intrinsic: each call site is an inline, and past a few hundred the JIT stops
    /// inlining, which would leave the activation as calls.
    /// </summary>
    public const int HelperUnrollBudget = 128;

    /// <summary>
    /// Output chunks up to which the activation is inlined once per chunk; beyond it, a loop over the row
    /// applies it, keeping the method small enough for the JIT to inline the activation at all.
    /// </summary>
    public const int MaxInlineActivations = 4;

    /// <summary>
    /// Independent FMA chains needed to keep two FMA units busy through a 4-cycle latency. Fewer chains leave
    /// the recurrence latency-bound.
    /// </summary>
    public const int ChainsToHideLatency = 8;

    /// <summary>Registers left for other values (broadcast, loaded weight, temporaries) when sizing tiles.</summary>
    public const int ReservedRegisters = 4;

    /// <summary>Target size of the state-row block on the stack, so that it stays in L1 beside the weights.</summary>
    public const int BlockBytes = 8 * 1024;

    /// <summary>Longest block; beyond it the projection gains nothing more from batching.</summary>
    public const int MaxBlockSteps = 32;

    /// <summary>
    /// Packed weights up to which a sequence runs as a loop of the single-timestep kernel, per vector width. A layer
    /// this small is bound by the latency of each timestep, not by weight traffic, so batching its input projections
    /// gains little and costs a store and a reload per timestep. Measured, step loop against the batched kernel:
    /// Vector512 0.86-0.95× up to 32 outputs, 0.98-1.1× from 64 outputs (16 KB of weights and more); Vector256, whose
    /// batched kernel shares each weight load between only 2 timesteps, 0.92-0.95× up to 64×64 weights from 8 to 32
    /// inputs (up to 25 KB), 1.01× at 64 inputs (33 KB).
    /// </summary>
    public static int StepLoopMaxWeightBytes(int bits) => bits == 256 ? 28 * 1024 : 16 * 1024;

    public static KernelPlan Plan(SimpleRnnModel model)
    {
        int rowStride = ShapeLimits.Pad(model.Output, ShapeLimits.WidestLanes);
        int rowBytes = rowStride * sizeof(float);
        int blockSteps = Math.Max(1, Math.Min(Math.Min(model.Timesteps, MaxBlockSteps), (BlockBytes / rowBytes) - 1));
        int slack = ShapeLimits.WidestLanes;

        var paths = new[]
        {
            PlanPath(model, bits: 512, registers: 32),
            PlanPath(model, bits: 256, registers: 16),
            PlanPath(model, bits: 128, registers: 16),
        };

        return new KernelPlan(
            model,
            blockSteps,
            RunBufferFloats: ((blockSteps + 1) * rowStride) + slack,
            StepBufferFloats: (2 * rowStride) + slack,
            rowStride,
            paths.ToEquatableArray());
    }

    private static VectorPathPlan PlanPath(SimpleRnnModel model, int bits, int registers)
    {
        int lanes = bits / 32;
        int chunks = (model.Output + lanes - 1) / lanes;
        int budget = registers - ReservedRegisters;
        int multiplyAdds = chunks * (model.Input + model.Output);
        int unrollBudget = bits == 128 ? HelperUnrollBudget : UnrollBudget;

        // Few chunks: split each chunk's column range over several accumulators so that enough FMA chains run
        // at once. Many chunks: one accumulator each, and tiles small enough to stay in registers.
        int accumulators = chunks >= ChainsToHideLatency
            ? 1
            : Math.Max(1, Math.Min(Math.Min((ChainsToHideLatency + chunks - 1) / chunks, budget / chunks), model.Output));

        (int projectionSteps, int groupedTile) = ProjectionGrouping(chunks, registers);
        EquatableArray<ChunkTile> recurrentTiles = Tiles(chunks, Math.Max(1, budget / accumulators));
        long packedBytes = (model.Input + model.Output + 1L) * chunks * lanes * sizeof(float);
        bool runsAsSteps = recurrentTiles.Length == 1 && (model.Timesteps == 1 || packedBytes <= StepLoopMaxWeightBytes(bits));
        return new VectorPathPlan(
            bits,
            lanes,
            registers,
            chunks,
            chunks * lanes,
            Unrolled: multiplyAdds <= unrollBudget,
            multiplyAdds,
            unrollBudget,
            ActivationPerChunk: chunks <= MaxInlineActivations,
            accumulators,
            recurrentTiles,
            Tiles(chunks, budget),
            projectionSteps,
            Tiles(chunks, groupedTile),
            runsAsSteps);
    }

    /// <summary>
    /// How many timesteps' projections share each loaded weight vector, and how many chunks a tile of them holds:
    /// steps × chunks accumulators plus one register per chunk for the weights and two spare must fit. More steps
    /// mean less weight traffic, which is what bounds the projection once W no longer fits in L1.
    /// </summary>
    private static (int Steps, int Tile) ProjectionGrouping(int chunks, int registers)
    {
        int usable = registers - 2;
        foreach (int steps in new[] { 4, 3 })
        {
            int tile = Math.Min(chunks, usable / (steps + 1));
            if (tile >= Math.Min(chunks, 4))
            {
                return (steps, tile);
            }
        }

        return (2, Math.Min(chunks, usable / 3));
    }

    /// <summary>Splits <paramref name="chunks"/> into the fewest tiles of at most <paramref name="maxPerTile"/>, balanced.</summary>
    private static EquatableArray<ChunkTile> Tiles(int chunks, int maxPerTile)
    {
        int count = (chunks + maxPerTile - 1) / maxPerTile;
        var tiles = new List<ChunkTile>(count);
        int first = 0;
        for (int t = 0; t < count; t++)
        {
            int size = (chunks - first + (count - t) - 1) / (count - t);
            tiles.Add(new ChunkTile(first, size));
            first += size;
        }

        return tiles.ToEquatableArray();
    }
}
