using System.Collections.Generic;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;
using RnnGen.Layout;

namespace RnnGen.Generator.Emission;

/// <summary>What every kernel emitter of one path needs: the layer, its cell, the path's plan and its packed layout.</summary>
internal sealed class KernelContext
{
    public KernelContext(KernelPlan plan, PathPlan path)
    {
        Plan = plan;
        Path = path;
        Model = plan.Model;
        Cell = Cell.For(Model.Cell);
        Layout = new PackedLayout(Model.Cell, Model.Input, Model.Output, Model.ResetAfter, path.Width.Lanes);
        Phases = Cell.Phases(Model);
        ScratchRows = Cell.ScratchRows(Model);
    }

    public KernelPlan Plan { get; }

    public PathPlan Path { get; }

    public LayerModel Model { get; }

    public Cell Cell { get; }

    public PackedLayout Layout { get; }

    public IReadOnlyList<CellPhase> Phases { get; }

    public IReadOnlyList<string> ScratchRows { get; }

    public VectorWidth Width => Path.Width;

    /// <summary>Whether the packed weights carry a recurrent bias row the kernels read.</summary>
    public bool ReadsRecurrentBias => Layout.HasRecurrentBiasRow && Model.UseBias;

    /// <summary>Declares the refs into the packed weights a kernel reads: <c>w</c>, <c>u</c>, <c>b</c>, <c>bh</c>.</summary>
    public void WriteWeightRefs(IndentedTextWriter writer, bool input)
    {
        writer.WriteLine($"// Packed weights, rows of {Invariant.Int(Layout.RowLength)} floats ({GateList()}): W at 0, U at {Invariant.Int(Layout.RecurrentOffset)}, bias at {Invariant.Int(Layout.BiasOffset)}.");
        if (input)
        {
            writer.WriteLine("ref float w = ref weights;");
        }

        writer.WriteLine($"ref float u = ref Unsafe.Add(ref weights, {Invariant.Int(Layout.RecurrentOffset)});");
        if (Model.UseBias)
        {
            writer.WriteLine($"ref float b = ref Unsafe.Add(ref weights, {Invariant.Int(Layout.BiasOffset)});");
        }

        if (ReadsRecurrentBias)
        {
            writer.WriteLine($"ref float bh = ref Unsafe.Add(ref weights, {Invariant.Int(Layout.RecurrentBiasOffset)}); // recurrent biases kept apart");
        }
    }

    /// <summary>Declares a ref per scratch row: <c>update</c> at 0, <c>resetHidden</c> at P, … (of sequence <paramref name="sequence"/> in a batch).</summary>
    public void WriteScratchRefs(IndentedTextWriter writer, string sequence = "")
    {
        for (int row = 0; row < ScratchRows.Count; row++)
        {
            writer.WriteLine(row == 0
                ? $"ref float {ScratchRows[row]}{sequence} = ref scratch{sequence};"
                : $"ref float {ScratchRows[row]}{sequence} = ref Unsafe.Add(ref scratch{sequence}, {Invariant.Int(row * Path.PaddedOutput)});");
        }
    }

    /// <summary>What a row holds, e.g. <c>for each chunk of 16 outputs: z, r, n</c>.</summary>
    public string GateList()
    {
        string[] names = CellGates.Names(Model.Cell);
        return names.Length == 1
            ? "outputs padded to " + Invariant.Int(Layout.PaddedOutput)
            : $"for each chunk of {Invariant.Int(Layout.Lanes)} output{(Layout.Lanes == 1 ? "" : "s")}: {string.Join(", ", names)}";
    }
}
