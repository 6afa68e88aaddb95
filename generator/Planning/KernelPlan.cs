using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Planning;

/// <summary>How the generated code computes one layer: a pure function of the layer, decided by <see cref="KernelPlanner"/>.</summary>
/// <param name="Model">The layer.</param>
/// <param name="Paths">One plan per CPU path, widest first; the last is the scalar path.</param>
internal sealed record KernelPlan(LayerModel Model, EquatableArray<PathPlan> Paths)
{
    /// <summary>Multiply-adds per timestep: G·O·(I + O), each two FLOPs.</summary>
    public long FlopsPerStep => 2L * Model.Gates * Model.Output * (Model.Input + Model.Output);
}

/// <summary>The kernels of one CPU path.</summary>
/// <param name="Width">The path.</param>
/// <param name="Chunks">Vectors per gate: ceil(O / Lanes).</param>
/// <param name="PaddedOutput">P = Chunks × Lanes.</param>
/// <param name="RowLength">G·P: floats per row of the packed weights.</param>
/// <param name="Phases">One plan per phase of the cell (two for a GRU without ResetAfter, else one).</param>
/// <param name="Blocked">How Run batches input projections through stack rows, or null when Run is a loop of the step kernel.</param>
/// <param name="SumsFloats">Floats of the stack row tiles store their sums in before a loop applies the epilogue (0: every epilogue is written per chunk).</param>
/// <param name="Batch">The batched step kernel, which steps several sequences at once; null when one at a time is as good.</param>
/// <param name="StepInPlace">
/// The step kernel may write the new state over the old one: the phase that writes h reads no h after its first
/// store (one tile, or its product reads a scratch row). Otherwise the new state goes through a stack row.
/// </param>
internal sealed record PathPlan(
    VectorWidth Width,
    int Chunks,
    int PaddedOutput,
    int RowLength,
    EquatableArray<PhasePlan> Phases,
    BlockedRunPlan? Blocked,
    int SumsFloats,
    bool StepInPlace,
    BatchPlan? Batch)
{
    /// <summary>Outputs in the last vector when it is only partly used, else 0.</summary>
    public int TailOutputs(int output) => output % Width.Lanes;
}

/// <summary>One matrix-vector product of a timestep and the work that consumes its sums.</summary>
/// <param name="Partials">Independent partial sums per recurrent accumulator: column j adds into partial j mod this.</param>
/// <param name="Tiles">Which output chunks are computed together, so that their accumulators fit in registers.</param>
/// <param name="ColumnsSpelledOut">Every input and state column written out; otherwise a loop over columns.</param>
/// <param name="MultiplyAdds">Vector multiply-adds per timestep, what spelling every column out would write.</param>
/// <param name="InlineEpilogueChunks">
/// Whole chunks up to which a tile applies its epilogue chunk by chunk, straight from the accumulators; a larger tile
/// stores its sums and applies the epilogue in a loop, so the JIT inlines each activation once and keeps its
/// constants in registers instead of spilling them beside the other chunks' live sums.
/// </param>
/// <param name="RowEpilogue">
/// Every tile stores its sums in a row of the whole layer and one epilogue call, after the last tile, applies them:
/// the new state is written only once the products have read all of the old one, so the step works in place
/// whatever the tiling, and the activations' constants are set up once per timestep.
/// </param>
/// <param name="SumsRowFloats">Floats per slot in the stored sums: P with <see cref="RowEpilogue"/>, else the widest tile.</param>
internal sealed record PhasePlan(int Partials, TileSchedule Tiles, bool ColumnsSpelledOut, int MultiplyAdds, int InlineEpilogueChunks, bool RowEpilogue = false, int SumsRowFloats = 0)
{
    /// <summary>Whether a tile of <paramref name="fullChunks"/> whole chunks applies its epilogue in a loop over stored sums.</summary>
    public bool StoresSums(int fullChunks) => RowEpilogue || fullChunks > InlineEpilogueChunks;

    /// <summary>Whether any tile of the phase stores its sums, so that the path needs the phase's epilogue method.</summary>
    public bool AnyStoresSums(int output, int lanes)
    {
        int fullChunks = output / lanes;
        if (Tiles.LoopedTiles > 0 && StoresSums(Tiles.TileChunks))
        {
            return true;
        }

        foreach (ChunkTile tile in Tiles.SpelledTiles)
        {
            if (StoresSums(System.Math.Max(0, System.Math.Min(tile.FirstChunk + tile.ChunkCount, fullChunks) - tile.FirstChunk)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The phase's sums never leave registers: one tile holds every chunk.</summary>
    public bool SingleTile => Tiles.LoopedTiles == 0 && Tiles.SpelledTiles.Length == 1;
}

/// <summary>
/// Chunks in groups small enough for registers: the first <see cref="LoopedTiles"/> groups of <see cref="TileChunks"/>
/// chunks in a loop (so a layer of any size is compact code), then <see cref="SpelledTiles"/> written out one by one.
/// </summary>
internal sealed record TileSchedule(int TileChunks, int LoopedTiles, EquatableArray<ChunkTile> SpelledTiles)
{
    public int TileCount => LoopedTiles + SpelledTiles.Length;

    /// <summary>Chunks in the largest tile.</summary>
    public int MaxTileChunks
    {
        get
        {
            int max = LoopedTiles > 0 ? TileChunks : 0;
            foreach (ChunkTile tile in SpelledTiles)
            {
                max = System.Math.Max(max, tile.ChunkCount);
            }

            return max;
        }
    }
}

/// <summary>A run of consecutive chunks computed together.</summary>
internal sealed record ChunkTile(int FirstChunk, int ChunkCount);

/// <summary>
/// Run in blocks of timesteps: the input projections of a block first (weights loaded once for several
/// timesteps), then the recurrence, through stack rows of <see cref="RowStride"/> floats.
/// </summary>
/// <param name="BlockSteps">Timesteps per block.</param>
/// <param name="RowStride">Floats per stack row: one timestep's projections (G·P), padded to 16; its state is written over the first P.</param>
/// <param name="ProjectionSteps">Timesteps whose projections share each loaded weight vector.</param>
/// <param name="ProjectionTiles">Tiles over the row's vectors (all gates) for that grouped projection.</param>
/// <param name="SingleProjectionTiles">Tiles for the timesteps left over, one at a time.</param>
internal sealed record BlockedRunPlan(int BlockSteps, int RowStride, int ProjectionSteps, TileSchedule ProjectionTiles, TileSchedule SingleProjectionTiles)
{
    /// <summary>Floats of stack: BlockSteps + 1 rows and alignment slack.</summary>
    public int BufferFloats => ((BlockSteps + 1) * RowStride) + 16;
}

/// <summary>
/// The batched step kernel: <see cref="Sequences"/> independent sequences per call, each weight vector loaded once
/// and multiplied into every one of them, so their independent chains fill the FMA units that one sequence's
/// dependency chain leaves idle, and the weight traffic is divided among them.
/// </summary>
/// <param name="Sequences">k: the sequences each kernel call steps.</param>
/// <param name="Phases">One plan per phase, its tiles sized so that k sequences' sums fit in registers.</param>
/// <param name="SumsFloats">Floats of the stack row tiles store one sequence's sums in for the epilogue loop (0: none).</param>
/// <param name="InPlace">The new states may be written over the old ones (see <see cref="PathPlan.StepInPlace"/>).</param>
/// <param name="WeightsInRegisters">
/// Each column's weight vectors are loaded into registers once and multiplied into every sequence; otherwise each
/// multiply-add reads its weight from memory (L1, after the first sequence), which leaves the registers to more
/// sequences' sums where there are few of them (16 vector registers without AVX-512).
/// </param>
internal sealed record BatchPlan(int Sequences, EquatableArray<PhasePlan> Phases, int SumsFloats, bool InPlace, bool WeightsInRegisters);
