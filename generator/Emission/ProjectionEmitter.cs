using System.Collections.Generic;
using System.Linq;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;
using RnnGen.Layout;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes the input projections of a block of timesteps into its stack rows: <c>W·x_t + bias</c> for every gate,
/// several timesteps at a time, so that each weight vector is loaded once for all of them. No timestep depends on
/// another, so this runs at full FMA throughput.
/// </summary>
internal static class ProjectionEmitter
{
    public static void Write(IndentedTextWriter writer, KernelContext context, BlockedRunPlan blocked)
    {
        int steps = blocked.ProjectionSteps;
        writer.WriteLine($"// Input projections of the block into rows 1..count: W·x_t + bias for every gate, {Invariant.Int(steps)} timesteps at a time,");
        writer.WriteLine("// so that each weight vector is loaded once for all of them. No timestep depends on another: full FMA throughput.");
        writer.WriteLine("int s = 0;");
        using (writer.OpenBlock($"for (; s + {Invariant.Int(steps)} <= count; s += {Invariant.Int(steps)})"))
        {
            WriteRows(writer, context, blocked.ProjectionTiles, steps);
        }

        writer.WriteLine();
        writer.WriteLine("// The block's remaining timesteps, one at a time.");
        using (writer.OpenBlock("for (; s < count; s++)"))
        {
            WriteRows(writer, context, blocked.SingleProjectionTiles, 1);
        }
    }

    private static void WriteRows(IndentedTextWriter writer, KernelContext context, TileSchedule tiles, int steps)
    {
        VectorWidth width = context.Width;
        writer.WriteLine("ref float xs = ref Unsafe.Add(ref x, (t0 + s) * Input);");
        writer.WriteLine("ref float ps = ref Unsafe.Add(ref rows, (s + 1) * RowStride);");
        if (tiles.LoopedTiles > 0)
        {
            int step = tiles.TileChunks * width.Lanes;
            writer.WriteLine();
            writer.WriteLine($"// Row floats 0..{Invariant.Int((tiles.LoopedTiles * step) - 1)}, {Invariant.Int(tiles.TileChunks)} vectors at a time from {ChunkPosition.TileStart}.");
            using (writer.OpenBlock($"for (nuint {ChunkPosition.TileStart} = 0; {ChunkPosition.TileStart} < {Invariant.Int(tiles.LoopedTiles * step)}; {ChunkPosition.TileStart} += {Invariant.Int(step)})"))
            {
                WriteTile(writer, context, Enumerable.Range(0, tiles.TileChunks).Select(k => new RowVector(k, Looped: true)).ToList(), steps);
            }
        }

        foreach (ChunkTile tile in tiles.SpelledTiles)
        {
            writer.WriteLine();
            writer.WriteLine($"// {Describe(context, tile)}{(steps > 1 ? "; p{k} is timestep s + k" : "")}.");
            WriteTile(writer, context, Enumerable.Range(tile.FirstChunk, tile.ChunkCount).Select(v => new RowVector(v, Looped: false)).ToList(), steps);
        }
    }

    private static void WriteTile(IndentedTextWriter writer, KernelContext context, List<RowVector> vectors, int steps)
    {
        VectorWidth width = context.Width;
        using (writer.OpenBlock())
        {
            for (int k = 0; k < steps; k++)
            {
                foreach (RowVector vector in vectors)
                {
                    string start = context.Model.UseBias ? width.Load("b", Offset(context, vector)) : width.Zero;
                    writer.WriteLine($"var {Name(context, vector, k)} = {start};");
                }
            }

            using (writer.OpenBlock("for (int i = 0; i < Input; i++)"))
            {
                writer.WriteLine($"ref float wi = ref Unsafe.Add(ref w, i * {Invariant.Int(context.Layout.RowLength)});");
                foreach (RowVector vector in vectors)
                {
                    writer.WriteLine($"var w_{Suffix(context, vector)} = {width.Load("wi", Offset(context, vector))};");
                }

                for (int k = 0; k < steps; k++)
                {
                    string index = k == 0 ? "i" : $"{Invariant.Int(k)} * Input + i";
                    writer.WriteLine($"var x{Invariant.Int(k)} = {width.Broadcast($"Unsafe.Add(ref xs, {index})")};");
                    foreach (RowVector vector in vectors)
                    {
                        string acc = Name(context, vector, k);
                        writer.WriteLine($"{acc} = {width.MultiplyAdd("w_" + Suffix(context, vector), "x" + Invariant.Int(k), acc)};");
                    }
                }
            }

            writer.WriteLine();
            for (int k = 0; k < steps; k++)
            {
                foreach (RowVector vector in vectors)
                {
                    string offset = Offset(context, vector);
                    if (k > 0)
                    {
                        offset = vector.Looped ? offset.Replace(ChunkPosition.TileStart, $"{ChunkPosition.TileStart} + {Invariant.Int(k)} * RowStride") : $"{Invariant.Int(k)} * RowStride + {offset}";
                    }

                    writer.WriteLine(width.Store(Name(context, vector, k), "ps", offset));
                }
            }
        }
    }

    /// <summary>Vector v of a row: chunk v / G, gate v mod G; or vector k of a looped tile.</summary>
    private readonly record struct RowVector(int Index, bool Looped);

    private static string Offset(KernelContext context, RowVector vector)
        => vector.Looped ? ChunkPosition.InLoop(vector.Index, context.Width.Lanes, context.Model.Output).Offset() : Invariant.Int(vector.Index * context.Width.Lanes);

    private static string Name(KernelContext context, RowVector vector, int step) => $"p{Invariant.Int(step)}_{Suffix(context, vector)}";

    /// <summary>The outputs a vector covers, with its gate when the cell has several: <c>z_o16_31</c>, <c>o16_31</c>, or k in a loop.</summary>
    private static string Suffix(KernelContext context, RowVector vector)
    {
        if (vector.Looped)
        {
            return Invariant.Int(vector.Index);
        }

        int gates = context.Layout.Gates;
        int gate = vector.Index % gates;
        string outputs = ChunkPosition.Fixed(vector.Index / gates, context.Width.Lanes, context.Model.Output).Suffix;
        return context.Layout.Gates == 1 ? outputs : CellGates.Names(context.Model.Cell)[gate] + "_" + outputs;
    }

    private static string Describe(KernelContext context, ChunkTile tile)
    {
        int lanes = context.Width.Lanes;
        return $"Row floats {Invariant.Int(tile.FirstChunk * lanes)}..{Invariant.Int(((tile.FirstChunk + tile.ChunkCount) * lanes) - 1)} ({Invariant.Int(tile.ChunkCount)} vector{(tile.ChunkCount == 1 ? "" : "s")})";
    }
}
