using RnnGen.Generator.Cells;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Planning;

/// <summary>
/// The most stack a call takes on each path: the rows the kernels allocate, plus an allowance for the frames of
/// the member, the entry point and the path's kernel method (their locals and the JIT's spill slots). The
/// allowance is an upper bound for kernels of bounded size, which the unroll budget and the tile limit make every
/// kernel; a test runs every member on threads whose stack is exactly the stated figure.
/// </summary>
internal static class StackBudget
{
    /// <summary>
    /// Bytes for the frames of one call chain (member, entry point, kernel method) beyond the rows they allocate:
    /// the largest kernel's spill area measured, with room to spare.
    /// </summary>
    public const int FrameAllowance = 24 * 1024;

    /// <summary>Bytes of rows <c>Run</c> or <c>RunLast</c> allocate on <paramref name="path"/>.</summary>
    public static long RunRows(LayerModel model, PathPlan path)
    {
        long floats = Scratch(model) + path.SumsFloats;
        if (path.Blocked is { } blocked)
        {
            floats += blocked.BufferFloats;
        }
        else if (!path.StepInPlace)
        {
            floats += path.PaddedOutput + 16;
        }

        if (Cell.For(model.Cell).HasCellState)
        {
            floats += model.Output;
        }

        return floats * sizeof(float);
    }

    /// <summary>Bytes of rows <c>Step</c> allocates on <paramref name="path"/>.</summary>
    public static long StepRows(LayerModel model, PathPlan path)
        => (Scratch(model) + path.SumsFloats + (path.StepInPlace ? 0 : path.PaddedOutput + 16L)) * sizeof(float);

    /// <summary>The stated bound for <c>Run</c>/<c>RunLast</c> on <paramref name="path"/>.</summary>
    public static long Run(LayerModel model, PathPlan path) => RunRows(model, path) + FrameAllowance;

    /// <summary>The stated bound for <c>Step</c> on <paramref name="path"/>.</summary>
    public static long Step(LayerModel model, PathPlan path) => StepRows(model, path) + FrameAllowance;

    /// <summary>
    /// The stated bound for the batched members on <paramref name="path"/>: the batched kernel's rows, and those of
    /// the single-sequence member the sequences left over go through, called from it.
    /// </summary>
    public static long Batch(LayerModel model, PathPlan path)
    {
        long rows = 0;
        if (path.Batch is { } batch)
        {
            int scratch = ScratchFloatsPerSequence(model);
            rows = batch.SumsFloats
                + (scratch > 0 ? (batch.Sequences * scratch) + 16 : 0)
                + (batch.InPlace ? 0 : (batch.Sequences * path.PaddedOutput) + 16)
                + (Cell.For(model.Cell).HasCellState ? batch.Sequences * model.Output : 0);
        }
        else if (Cell.For(model.Cell).HasCellState)
        {
            rows = model.Output;
        }

        return (rows * sizeof(float)) + System.Math.Max(RunRows(model, path), StepRows(model, path)) + FrameAllowance;
    }

    /// <summary>Floats of one sequence's scratch rows (a GRU without ResetAfter keeps r ⊙ h there), each padded to the widest vector.</summary>
    public static int ScratchFloatsPerSequence(LayerModel model)
        => Cell.For(model.Cell).ScratchRows(model).Count * Layout.PackedLayout.Pad(model.Output, 16);

    /// <summary>The scratch rows of one sequence and alignment slack, or nothing for a cell without them.</summary>
    private static long Scratch(LayerModel model)
    {
        int floats = ScratchFloatsPerSequence(model);
        return floats == 0 ? 0 : floats + 16;
    }
}
