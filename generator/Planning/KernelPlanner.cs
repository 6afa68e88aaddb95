using System;
using System.Collections.Generic;
using System.Linq;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator.Planning;

/// <summary>Turns a layer into a <see cref="KernelPlan"/>. Pure arithmetic, no Roslyn: unit-testable on its own.</summary>
internal static class KernelPlanner
{
    /// <summary>
    /// Independent FMA chains needed to keep two FMA units busy through a 4-cycle latency. Fewer chains leave the
    /// recurrence latency-bound.
    /// </summary>
    public const int ChainsToHideLatency = 8;

    /// <summary>Registers left for other values (broadcast, loaded weight, temporaries) when sizing tiles.</summary>
    public const int ReservedRegisters = 4;

    /// <summary>
    /// Tiles written out one by one; beyond this many, the tiles run in a loop. Together with the unroll budget it
    /// bounds every kernel method, and so the generated file and its compile and JIT time, for any shape.
    /// </summary>
    public const int MaxSpelledTiles = 4;

    /// <summary>
    /// Costly activations (tanh, sigmoid) a tile may spell out for its chunks: beyond this, its epilogue runs as a
    /// loop over stored sums. Measured on SimpleRNN: tanh inlined per chunk up to 4 chunks; beyond, the JIT's inline
    /// budget runs out and the activations stay calls.
    /// </summary>
    public const int MaxInlineActivations = 4;

    /// <summary>The most bytes of sums a whole-row epilogue may keep on the stack (for all the sequences of a call).</summary>
    public const int MaxRowSumsBytes = 32 * 1024;

    /// <summary>The most sequences one batched kernel call steps; beyond it, more gains little and costs code.</summary>
    public const int MaxBatchSequences = 8;

    /// <summary>Sequences below which a batch keeps its weights in memory rather than in registers (see <see cref="BatchPlan.WeightsInRegisters"/>).</summary>
    public const int MinBatchSequences = 3;

    /// <summary>Target size of the block of stack rows, so that it stays in L1 beside the weights.</summary>
    public const int BlockBytes = 8 * 1024;

    /// <summary>Longest block; beyond it the projection gains nothing more from batching.</summary>
    public const int MaxBlockSteps = 32;

    /// <summary>Stack rows wider than this make Run a loop of the step kernel instead: such a layer is bound by its weight traffic either way.</summary>
    public const int MaxBlockedRowBytes = 8 * 1024;

    /// <summary>
    /// Packed weights up to which a sequence runs as a loop of the single-timestep kernel, per vector width. A layer
    /// this small is bound by the latency of each timestep, not by weight traffic, so batching its input projections
    /// gains little and costs a store and a reload per timestep. Measured on SimpleRNN, step loop against the batched
    /// kernel: Vector512 0.86-0.95× up to 32 outputs, 0.98-1.1× from 64 outputs (16 KB of weights and more);
    /// Vector256, whose batched kernel shares each weight load between only 2 timesteps, 0.92-0.95× up to 64×64
    /// weights from 8 to 32 inputs (up to 25 KB), 1.01× at 64 inputs (33 KB).
    /// </summary>
    public static int StepLoopMaxWeightBytes(VectorWidth width) => width == VectorWidth.Vector256 ? 28 * 1024 : 16 * 1024;

    public static KernelPlan Plan(LayerModel model)
    {
        var paths = new List<PathPlan>();
        foreach (VectorWidth width in VectorWidth.All)
        {
            paths.Add(PlanPath(model, width));
        }

        return new KernelPlan(model, paths.ToEquatableArray());
    }

    private static PathPlan PlanPath(LayerModel model, VectorWidth width)
    {
        Cell cell = Cell.For(model.Cell);
        int lanes = width.Lanes;
        int chunks = (model.Output + lanes - 1) / lanes;
        var layout = new PackedLayout(model.Cell, model.Input, model.Output, model.ResetAfter, lanes);
        int budget = width.Registers - ReservedRegisters;

        var phases = new List<PhasePlan>();
        IReadOnlyList<CellPhase> cellPhases = cell.Phases(model);
        int sumsFloats = 0;
        for (int p = 0; p < cellPhases.Count; p++)
        {
            PhasePlan phase = WithSums(PlanPhase(model, width, cellPhases[p], chunks, budget, EpilogueCost.Activations(model, p)), cellPhases[p], model, width, layout.PaddedOutput, sequences: 1);
            phases.Add(phase);
            if (phase.AnyStoresSums(model.Output, lanes))
            {
                sumsFloats = Math.Max(sumsFloats, (cellPhases[p].Slots.Length * phase.SumsRowFloats) + 16);
            }
        }

        bool inPlace = InPlace(cellPhases, phases);
        return new PathPlan(width, chunks, layout.PaddedOutput, layout.RowLength, phases.ToEquatableArray(), PlanBlockedRun(model, width, layout), sumsFloats, inPlace, PlanBatch(model, width, cellPhases, chunks, budget));
    }

    /// <summary>
    /// Where a phase that stores its sums keeps them: in a row of the whole layer, epilogue once per timestep, when
    /// <paramref name="sequences"/> such rows fit in <see cref="MaxRowSumsBytes"/>; else in a row per tile.
    /// </summary>
    private static PhasePlan WithSums(PhasePlan plan, CellPhase phase, LayerModel model, VectorWidth width, int paddedOutput, int sequences)
    {
        if (!plan.AnyStoresSums(model.Output, width.Lanes))
        {
            return plan;
        }

        bool row = (long)sequences * phase.Slots.Length * paddedOutput * sizeof(float) <= MaxRowSumsBytes;
        return plan with { RowEpilogue = row, SumsRowFloats = row ? paddedOutput : plan.Tiles.MaxTileChunks * width.Lanes };
    }

    /// <summary>Whether the phase that writes h can write it over the old one: it reads no h, or reads all of it before its first store.</summary>
    private static bool InPlace(IReadOnlyList<CellPhase> cellPhases, List<PhasePlan> phases)
        => cellPhases[cellPhases.Count - 1].Operand != RecurrentOperand.Hidden || phases[phases.Count - 1].SingleTile || phases[phases.Count - 1].RowEpilogue;

    private static PhasePlan PlanPhase(LayerModel model, VectorWidth width, CellPhase phase, int chunks, int budget, int costlyActivations)
    {
        int slots = phase.Slots.Length;
        int recurrent = Math.Max(1, phase.RecurrentSlots);

        // One accumulator per slot and chunk; with few chunks, each recurrent accumulator is split into partial sums
        // over the columns, so that enough FMA chains run at once. Many chunks: tiles small enough for registers.
        int tileChunks = Math.Max(1, Math.Min(chunks, budget / slots));
        int partials = 1;
        if (tileChunks == chunks)
        {
            while (chunks * recurrent * partials < ChainsToHideLatency
                   && chunks * (slots + (partials * recurrent)) <= budget
                   && partials < model.Output)
            {
                partials++;
            }
        }

        int multiplyAdds = chunks * ((phase.InputSlots * model.Input) + (phase.RecurrentSlots * model.Output));
        TileSchedule tiles = Schedule(chunks, FullChunks(model.Output, width.Lanes), tileChunks);
        bool spelled = multiplyAdds <= width.UnrollBudget && tiles.LoopedTiles == 0;
        int inlineChunks = costlyActivations == 0 ? int.MaxValue : Math.Max(1, MaxInlineActivations / costlyActivations);
        return new PhasePlan(partials, tiles, spelled, multiplyAdds, inlineChunks);
    }

    /// <summary>
    /// The batched step kernel: k sequences and tiles of T chunks, chosen to make the most multiply-adds per load
    /// (T·slots·k FMAs for T·slots weight loads and k broadcasts per column) while the T·slots·k accumulators, the
    /// T·slots weight vectors they share and a broadcast fit in the registers. Null when only one sequence fits: a
    /// batch is then a loop of the step kernel.
    /// </summary>
    private static BatchPlan? PlanBatch(LayerModel model, VectorWidth width, IReadOnlyList<CellPhase> cellPhases, int chunks, int budget)
    {
        int slots = cellPhases.Max(phase => phase.Slots.Length);
        (int sequences, int tileChunks, double best) = (1, 1, 0);
        for (int k = 2; k <= MaxBatchSequences; k++)
        {
            for (int t = 1; t <= chunks && (t * slots * (k + 1)) + 2 <= width.Registers; t++)
            {
                double perLoad = (double)t * slots * k / ((t * slots) + k);
                if (perLoad > best + 1e-9 || (Math.Abs(perLoad - best) <= 1e-9 && k > sequences))
                {
                    (sequences, tileChunks, best) = (k, t, perLoad);
                }
            }
        }

        // With few registers the weights cannot stay in them for enough sequences: read them from memory instead, one
        // chunk per tile, and give every register to the sums of as many sequences as fit.
        bool weightsInRegisters = sequences >= MinBatchSequences;
        if (!weightsInRegisters)
        {
            (sequences, tileChunks) = (Math.Min(MaxBatchSequences, budget / slots), 1);
        }

        if (sequences < 2)
        {
            return null;
        }

        var phases = new List<PhasePlan>();
        int sumsFloats = 0;
        for (int p = 0; p < cellPhases.Count; p++)
        {
            CellPhase phase = cellPhases[p];
            int multiplyAdds = chunks * ((phase.InputSlots * model.Input) + (phase.RecurrentSlots * model.Output));
            TileSchedule tiles = Schedule(chunks, FullChunks(model.Output, width.Lanes), tileChunks);
            int costly = EpilogueCost.Activations(model, p);
            int inlineChunks = costly == 0 ? int.MaxValue : MaxInlineActivations / (costly * sequences);
            // Columns always loop: a loop body multiplies each loaded weight into k sequences, so its overhead is already small.
            var plan = new PhasePlan(1, tiles, ColumnsSpelledOut: false, multiplyAdds * sequences, inlineChunks);
            plan = WithSums(plan, phase, model, width, chunks * width.Lanes, sequences);
            phases.Add(plan);
            if (plan.AnyStoresSums(model.Output, width.Lanes))
            {
                sumsFloats = Math.Max(sumsFloats, (sequences * phase.Slots.Length * plan.SumsRowFloats) + 16);
            }
        }

        bool inPlace = InPlace(cellPhases, phases);
        return new BatchPlan(sequences, phases.ToEquatableArray(), sumsFloats, inPlace, weightsInRegisters);
    }

    /// <summary>
    /// Run in blocks through stack rows, or null for a loop of the step kernel: small layers are bound by each
    /// timestep's latency, the scalar path gains nothing from batching, and very wide rows would need too much stack.
    /// </summary>
    private static BlockedRunPlan? PlanBlockedRun(LayerModel model, VectorWidth width, PackedLayout layout)
    {
        long packedBytes = layout.Length * sizeof(float);
        int rowStride = PackedLayout.Pad(layout.RowLength, 16);
        if (width.IsScalar || model.Timesteps == 1 || packedBytes <= StepLoopMaxWeightBytes(width) || rowStride * sizeof(float) > MaxBlockedRowBytes)
        {
            return null;
        }

        int blockSteps = Math.Max(1, Math.Min(Math.Min(model.Timesteps, MaxBlockSteps), (BlockBytes / (rowStride * sizeof(float))) - 1));
        int rowVectors = layout.RowLength / width.Lanes;
        (int steps, int tile) = ProjectionGrouping(rowVectors, width.Registers);
        return new BlockedRunPlan(
            blockSteps,
            rowStride,
            steps,
            Schedule(rowVectors, rowVectors, tile),
            Schedule(rowVectors, rowVectors, Math.Max(1, width.Registers - ReservedRegisters)));
    }

    /// <summary>
    /// How many timesteps' projections share each loaded weight vector, and how many vectors a tile of them holds:
    /// steps × vectors accumulators plus one register per vector for the weights and two spare must fit. More steps
    /// mean less weight traffic, which is what bounds the projection once W no longer fits in L1.
    /// </summary>
    private static (int Steps, int Tile) ProjectionGrouping(int vectors, int registers)
    {
        int usable = registers - 2;
        foreach (int steps in new[] { 4, 3 })
        {
            int tile = Math.Min(vectors, usable / (steps + 1));
            if (tile >= Math.Min(vectors, 4))
            {
                return (steps, tile);
            }
        }

        return (2, Math.Min(vectors, usable / 3));
    }

    /// <summary>Chunks whose every lane is an output: all but a partly used last one.</summary>
    private static int FullChunks(int output, int lanes) => output / lanes;

    /// <summary>
    /// Splits <paramref name="units"/> into tiles of at most <paramref name="maxPerTile"/>: a few balanced tiles written
    /// out, or, when that would be more than <see cref="MaxSpelledTiles"/>, a loop over whole tiles of the first
    /// <paramref name="loopable"/> units and the rest written out.
    /// </summary>
    internal static TileSchedule Schedule(int units, int loopable, int maxPerTile)
    {
        int count = (units + maxPerTile - 1) / maxPerTile;
        if (count <= MaxSpelledTiles)
        {
            return new TileSchedule(maxPerTile, 0, Balanced(0, units, count));
        }

        int looped = loopable / maxPerTile;
        int first = looped * maxPerTile;
        int rest = units - first;
        return new TileSchedule(maxPerTile, looped, Balanced(first, rest, (rest + maxPerTile - 1) / maxPerTile));
    }

    private static EquatableArray<ChunkTile> Balanced(int first, int units, int count)
    {
        var tiles = new List<ChunkTile>(count);
        int start = first, end = first + units;
        for (int t = 0; t < count; t++)
        {
            int size = (end - start + (count - t) - 1) / (count - t);
            tiles.Add(new ChunkTile(start, size));
            start += size;
        }

        return tiles.ToEquatableArray();
    }
}
