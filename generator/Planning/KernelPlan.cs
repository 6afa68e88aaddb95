using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Planning;

/// <summary>How the generated code computes one layer: a pure function of the shape, decided by <see cref="KernelPlanner"/>.</summary>
/// <param name="Model">The layer.</param>
/// <param name="BlockSteps">Timesteps per block: the input projections of a block are computed together, before its recurrence.</param>
/// <param name="RunBufferFloats">Floats of stack for <c>Run</c>/<c>RunLast</c> on a path without <see cref="VectorPathPlan.RunsAsSteps"/>: (BlockSteps + 1) state rows plus alignment slack.</param>
/// <param name="StepBufferFloats">Floats of stack for a single timestep on a path without <see cref="VectorPathPlan.StepInRegisters"/>: two state rows plus alignment slack.</param>
/// <param name="RowStride">Floats per state row: O padded to the widest vector.</param>
/// <param name="VectorPaths">One plan per vector width, widest first.</param>
internal sealed record KernelPlan(
    SimpleRnnModel Model,
    int BlockSteps,
    int RunBufferFloats,
    int StepBufferFloats,
    int RowStride,
    EquatableArray<VectorPathPlan> VectorPaths)
{
    /// <summary>Multiply-adds per timestep: O·(I + O), each two FLOPs.</summary>
    public long FlopsPerStep => 2L * Model.Output * (Model.Input + Model.Output);
}

/// <summary>The kernel for one vector width.</summary>
/// <param name="Bits">512, 256 or 128.</param>
/// <param name="Lanes">Floats per vector.</param>
/// <param name="Registers">Vector registers the target has at this width (16 ymm/xmm without AVX-512, 32 zmm with it).</param>
/// <param name="Chunks">Vectors per state row: ceil(O / Lanes).</param>
/// <param name="PaddedOutput">Chunks × Lanes: the row length of the packed weights for this width.</param>
/// <param name="Unrolled">Every input and state column spelled out; otherwise a loop over columns.</param>
/// <param name="UnrolledMultiplyAdds">Vector multiply-adds per timestep (what full unrolling would spell out).</param>
/// <param name="UnrollBudget">The most multiply-adds this path spells out.</param>
/// <param name="ActivationPerChunk">The activation is written once per chunk; otherwise a loop applies it over the row.</param>
/// <param name="AccumulatorsPerChunk">Independent partial sums per output chunk in the recurrence; column j feeds partial sum j mod this.</param>
/// <param name="RecurrentTiles">Groups of chunks whose accumulators fit in registers together, for the recurrence.</param>
/// <param name="ProjectionTiles">The same for the input projection of one timestep (one accumulator per chunk).</param>
/// <param name="ProjectionSteps">Timesteps whose input projections are computed together, so that each weight vector is loaded once for all of them.</param>
/// <param name="GroupedProjectionTiles">Chunk tiles for that grouped projection: ProjectionSteps accumulators and one weight per chunk fit in registers.</param>
/// <param name="RunsAsSteps">
/// Run and RunLast loop the single-timestep kernel, reading and writing the state where it lives, instead of
/// batching input projections through stack rows (see <see cref="KernelPlanner.StepLoopMaxWeightBytes(int)"/>).
/// </param>
internal sealed record VectorPathPlan(
    int Bits,
    int Lanes,
    int Registers,
    int Chunks,
    int PaddedOutput,
    bool Unrolled,
    int UnrolledMultiplyAdds,
    int UnrollBudget,
    bool ActivationPerChunk,
    int AccumulatorsPerChunk,
    EquatableArray<ChunkTile> RecurrentTiles,
    EquatableArray<ChunkTile> ProjectionTiles,
    int ProjectionSteps,
    EquatableArray<ChunkTile> GroupedProjectionTiles,
    bool RunsAsSteps)
{
    public string TypeAlias => "V" + Invariant.Int(Bits);

    public string MethodName => "RunVector" + Invariant.Int(Bits);

    public string StepMethodName => "StepVector" + Invariant.Int(Bits);

    /// <summary>
    /// A single timestep keeps every output's sums in registers at once, so it can read the old state and write
    /// the new one in place, with no stack row: one tile of chunks holds all of them.
    /// </summary>
    public bool StepInRegisters => RecurrentTiles.Length == 1;

    /// <summary>
    /// <c>a * b + c</c> as this path spells it. Vector512 and Vector256 call the FMA instruction directly (their
    /// paths run only where it exists); Vector128 calls a helper that picks x64 FMA or Arm64 FMLA.
    /// </summary>
    public string MultiplyAdd(string a, string b, string c) => Bits switch
    {
        512 => $"Avx512F.FusedMultiplyAdd({a}, {b}, {c})",
        256 => $"Fma.MultiplyAdd({a}, {b}, {c})",
        _ => $"MultiplyAdd({a}, {b}, {c})",
    };

    /// <summary>The JIT-time condition under which this path runs.</summary>
    public string Condition => Bits == 256 ? $"{TypeAlias}.IsHardwareAccelerated && Fma.IsSupported" : $"{TypeAlias}.IsHardwareAccelerated";

    /// <summary>Offset of the U block in the packed weights.</summary>
    public int RecurrentOffset(int input) => input * PaddedOutput;

    /// <summary>Offset of the bias row in the packed weights.</summary>
    public int BiasOffset(int input, int output) => (input + output) * PaddedOutput;
}

/// <summary>A run of consecutive output chunks computed together.</summary>
internal sealed record ChunkTile(int FirstChunk, int ChunkCount);
