using System.Collections.Generic;

namespace RnnGen.Generator.Emission;

/// <summary>
/// The parameters the kernel methods pass along besides the weights and the input: the cell state for an LSTM, the
/// scratch rows of a GRU without ResetAfter, and the row where large tiles store their sums. One place, so every kernel and entry point agrees on the order.
/// </summary>
internal static class KernelSignatures
{
    /// <summary><c>, ref float cell</c> and/or <c>, ref float scratch</c>, for a parameter list.</summary>
    public static string StateParameters(KernelContext context)
    {
        var parts = new List<string>();
        if (context.Cell.HasCellState)
        {
            parts.Add(", ref float cell");
        }

        if (context.ScratchRows.Count > 0)
        {
            parts.Add(", ref float scratch");
        }

        if (context.Path.SumsFloats > 0)
        {
            parts.Add(", ref float sums");
        }

        return string.Concat(parts);
    }

    /// <summary>The same as arguments: <c>, ref cell</c>, <c>, ref scratch</c>.</summary>
    public static string StateArguments(KernelContext context)
    {
        var parts = new List<string>();
        if (context.Cell.HasCellState)
        {
            parts.Add(", ref cell");
        }

        if (context.ScratchRows.Count > 0)
        {
            parts.Add(", ref scratch");
        }

        if (context.Path.SumsFloats > 0)
        {
            parts.Add(", ref sums");
        }

        return string.Concat(parts);
    }

    /// <summary>The cell state and scratch rows an epilogue method takes: <c>, ref float cell</c>, <c>, ref float scratch</c>.</summary>
    public static string EpilogueParameters(KernelContext context)
        => (context.Cell.HasCellState ? ", ref float cell" : "") + (context.ScratchRows.Count > 0 ? ", ref float scratch" : "");

    /// <summary>The same as arguments.</summary>
    public static string EpilogueArguments(KernelContext context)
        => (context.Cell.HasCellState ? ", ref cell" : "") + (context.ScratchRows.Count > 0 ? ", ref scratch" : "");

    /// <summary>The epilogue method of a phase: <c>EpilogueVector512</c>, <c>Epilogue2Vector512</c>, or <c>EpilogueBatchVector512</c> for the batched kernel's tiles.</summary>
    public static string EpilogueMethod(KernelContext context, int phase, bool batched)
        => "Epilogue" + (batched ? "Batch" : "") + (context.Phases.Count > 1 ? (phase + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "") + context.Width.Suffix;

    public static string BatchMethod(KernelContext context) => "StepBatch" + context.Width.Suffix;

    public static string StepMethod(KernelContext context) => "Step" + context.Width.Suffix;

    public static string BlockedMethod(KernelContext context) => "Run" + context.Width.Suffix;
}
