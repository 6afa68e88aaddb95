using System.Collections.Generic;
using System.Linq;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes one phase of a timestep for every tile of its schedule: the tile's accumulators (one per slot and
/// output chunk, split into partial sums where latency needs them), the columns of its matrix-vector product,
/// and the cell's epilogue per chunk. Shared by the step kernel and the blocked recurrence, so that both add in
/// the same order and a loop of Step reproduces Run bit for bit.
/// </summary>
internal sealed class PhaseTileEmitter
{
    private readonly KernelContext _context;
    private readonly int _phaseIndex;
    private readonly CellPhase _phase;
    private readonly PhasePlan _plan;
    private readonly TileKind _kind;

    public PhaseTileEmitter(KernelContext context, int phaseIndex, TileKind kind)
    {
        _context = context;
        _phaseIndex = phaseIndex;
        _phase = context.Phases[phaseIndex];
        _plan = context.Path.Phases[phaseIndex];
        _kind = kind;
    }

    /// <summary>The flag that says the previous state is zero, so no recurrent product runs.</summary>
    private string ZeroFlag => _kind == TileKind.Step ? "zeroState" : "zero";

    private string Operand => _phase.Operand == RecurrentOperand.Hidden ? "hPrev" : "resetHidden";

    public void Write(IndentedTextWriter writer)
    {
        VectorWidth width = _context.Width;
        TileSchedule tiles = _plan.Tiles;
        if (tiles.LoopedTiles > 0)
        {
            int step = tiles.TileChunks * width.Lanes;
            int end = tiles.LoopedTiles * step;
            writer.WriteLine();
            writer.WriteLine($"// Outputs 0..{Invariant.Int(end - 1)}, {Invariant.Int(tiles.TileChunks)} chunks of {Invariant.Int(width.Lanes)} at a time from output {ChunkPosition.TileStart}.");
            using (writer.OpenBlock($"for (nuint {ChunkPosition.TileStart} = 0; {ChunkPosition.TileStart} < {Invariant.Int(end)}; {ChunkPosition.TileStart} += {Invariant.Int(step)})"))
            {
                WriteTile(writer, Enumerable.Range(0, tiles.TileChunks).Select(k => ChunkPosition.InLoop(k, width.Lanes, _context.Model.Output)).ToList(), header: null);
            }
        }

        foreach (ChunkTile tile in tiles.SpelledTiles)
        {
            writer.WriteLine();
            List<ChunkPosition> chunks = Enumerable.Range(tile.FirstChunk, tile.ChunkCount).Select(c => ChunkPosition.Fixed(c, width.Lanes, _context.Model.Output)).ToList();
            WriteTile(writer, chunks, Describe(tile));
        }
    }

    private void WriteTile(IndentedTextWriter writer, List<ChunkPosition> chunks, string? header)
    {
        VectorWidth width = _context.Width;
        if (header is not null)
        {
            writer.WriteLine("// " + header);
        }

        using (writer.OpenBlock())
        {
            WriteAccumulators(writer, chunks);
            if (_kind == TileKind.Step && _phase.InputSlots > 0)
            {
                writer.WriteLine("// W·x.");
                WriteColumns(writer, chunks, _phase.Slots.Where(s => s.Input).ToList(), new Columns(_context.Model.Input, "Input", "i", "x", "w", "wi", "xi"), partials: 1);
            }

            if (_phase.RecurrentSlots > 0)
            {
                writer.WriteLine(_phase.Operand == RecurrentOperand.Hidden
                    ? $"// U·h, unless the previous state is zero{PartialsNote()}."
                    : $"// U_n·(r ⊙ h), unless the previous state is zero{PartialsNote()}.");
                using (writer.OpenBlock($"if (!{ZeroFlag})"))
                {
                    WriteColumns(writer, chunks, _phase.Slots.Where(s => s.Recurrent).ToList(), new Columns(_context.Model.Output, "Output", "j", Operand, "u", "uj", "hj"), _plan.Partials);
                }
            }

            List<ChunkPosition> whole = chunks.Where(c => !c.IsPartial).ToList();
            if (_plan.StoresSums(whole.Count))
            {
                WriteStoredEpilogue(writer, whole);
            }
            else
            {
                foreach (ChunkPosition chunk in whole)
                {
                    WriteEpilogue(writer, chunk, "// " + EpilogueHeader(chunk), slot => Sum(slot, chunk));
                }
            }

            foreach (ChunkPosition chunk in chunks.Where(c => c.IsPartial))
            {
                string first = Invariant.Int(chunk.Chunk * width.Lanes);
                WriteEpilogue(writer, chunk, $"// Outputs {first}..{Invariant.Int(_context.Model.Output - 1)}: the last vector, only partly used.", slot => Sum(slot, chunk));
            }
        }
    }

    private void WriteEpilogue(IndentedTextWriter writer, ChunkPosition chunk, string header, System.Func<string, string> sum)
    {
        writer.WriteLine();
        writer.WriteLine(header);
        using (writer.OpenBlock())
        {
            _context.Cell.WriteEpilogue(_context.Model, _phaseIndex, new ChunkEpilogue(_context, writer, chunk, sum, _kind));
        }
    }

    /// <summary>
    /// The sums go to a stack row, and the path's epilogue method applies the cell's epilogue to them chunk by
    /// chunk. Out of line, its activations' constants are live only there, not beside the next tile's accumulators.
    /// </summary>
    private void WriteStoredEpilogue(IndentedTextWriter writer, List<ChunkPosition> whole)
    {
        VectorWidth width = _context.Width;
        int tileFloats = _plan.Tiles.MaxTileChunks * width.Lanes;
        writer.WriteLine();
        writer.WriteLine("// The sums go to a stack row, and the epilogue method applies the activations to them.");
        for (int s = 0; s < _phase.Slots.Length; s++)
        {
            for (int k = 0; k < whole.Count; k++)
            {
                writer.WriteLine(width.Store(Sum(_phase.Slots[s].Name, whole[k]), "sums", Invariant.Int((s * tileFloats) + (k * width.Lanes))));
            }
        }

        string start = whole[0].Offset();
        string state = KernelSignatures.EpilogueArguments(_context);
        writer.WriteLine($"{KernelSignatures.EpilogueMethod(_context, _phaseIndex)}(ref sums, ref hPrev, ref hNext{state}, {start}, {Invariant.Int(whole.Count * width.Lanes)}, {ZeroFlag});");
    }

    /// <summary>
    /// Writes the epilogue method of phase <paramref name="phaseIndex"/>: the cell's epilogue over whole chunks
    /// whose sums a tile stored, slot after slot, in rows of the phase's widest tile.
    /// </summary>
    public static void WriteEpilogueMethod(IndentedTextWriter writer, KernelContext context, int phaseIndex)
    {
        VectorWidth width = context.Width;
        PhasePlan plan = context.Path.Phases[phaseIndex];
        CellPhase phase = context.Phases[phaseIndex];
        int tileFloats = plan.Tiles.MaxTileChunks * width.Lanes;
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// The {context.Cell.DisplayName} epilogue on the {width.Name} path for <paramref name=\"count\"/> outputs from <paramref name=\"start\"/>, whole vectors only:");
        writer.WriteLine($"/// the sums of slot s ({string.Join(", ", phase.Slots.Select(x => x.Name))}) are at s × {Invariant.Int(tileFloats)} in <paramref name=\"sums\"/>. Its own method, so that");
        writer.WriteLine("/// the activations' constants stay in registers here and never crowd a tile's accumulators.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]");
        using (writer.OpenBlock($"private static void {KernelSignatures.EpilogueMethod(context, phaseIndex)}(ref float sums, ref float hPrev, ref float hNext{KernelSignatures.EpilogueParameters(context)}, nuint start, nuint count, bool zero)"))
        {
            context.WriteScratchRefs(writer);
            using (writer.OpenBlock($"for (nuint k = 0; k < count; k += {Invariant.Int(width.Lanes)})"))
            {
                var chunk = ChunkPosition.At("start + k", width.Lanes, context.Model.Output);
                context.Cell.WriteEpilogue(context.Model, phaseIndex, new ChunkEpilogue(context, writer, chunk, slot => width.Load("sums", StoredOffset(System.Array.FindIndex(phase.Slots, x => x.Name == slot) * tileFloats)), TileKind.Recurrence));
            }
        }
    }

    private static string StoredOffset(int slotStart) => slotStart == 0 ? "k" : $"{Invariant.Int(slotStart)} + k";

    private int Index(string slot) => System.Array.FindIndex(_phase.Slots, s => s.Name == slot);

    private string EpilogueHeader(ChunkPosition chunk)
        => chunk.Looped
            ? $"Chunk {Invariant.Int(chunk.Chunk)} of the tile."
            : $"Outputs {Invariant.Int(chunk.Chunk * _context.Width.Lanes)}..{Invariant.Int((chunk.Chunk * _context.Width.Lanes) + chunk.Count - 1)}.";

    private string PartialsNote()
        => _plan.Partials == 1 ? "" : $"; column j adds into partial sum j mod {Invariant.Int(_plan.Partials)}, so more FMA chains run at once";

    private void WriteAccumulators(IndentedTextWriter writer, List<ChunkPosition> chunks)
    {
        VectorWidth width = _context.Width;
        writer.WriteLine(_kind == TileKind.Step
            ? "// Sums start from the bias."
            : "// Sums start from the input projection (W·x + bias) stored for this timestep.");
        foreach (Slot slot in _phase.Slots)
        {
            foreach (ChunkPosition chunk in chunks)
            {
                writer.WriteLine($"var {Accumulator(slot, chunk, 0)} = {Start(slot, chunk)};");
            }
        }

        for (int part = 1; part < _plan.Partials; part++)
        {
            foreach (Slot slot in _phase.Slots.Where(s => s.Recurrent))
            {
                foreach (ChunkPosition chunk in chunks)
                {
                    writer.WriteLine($"var {Accumulator(slot, chunk, part)} = {width.Zero};");
                }
            }
        }
    }

    /// <summary>Where slot <paramref name="slot"/>'s sum for <paramref name="chunk"/> starts.</summary>
    private string Start(Slot slot, ChunkPosition chunk)
    {
        VectorWidth width = _context.Width;
        string offset = chunk.Offset(_context.Layout.GateOffset(slot.Gate));
        if (_kind == TileKind.Recurrence && slot.Input)
        {
            return width.Load("p", offset);
        }

        return slot.Bias switch
        {
            BiasSource.Main => width.Load("b", offset),
            BiasSource.Recurrent => width.Load("bh", offset),
            _ => width.Zero,
        };
    }

    /// <summary>
    /// The columns of one product into the given slots: column j of <paramref name="columns"/> is broadcast and
    /// multiplied with row j of the packed weights, into partial sum j mod <paramref name="partials"/>.
    /// </summary>
    private void WriteColumns(IndentedTextWriter writer, List<ChunkPosition> chunks, List<Slot> slots, Columns columns, int partials)
    {
        VectorWidth width = _context.Width;
        int rowLength = _context.Layout.RowLength;
        int first = 0;
        if (!_plan.ColumnsSpelledOut || chunks.Any(c => c.Looped))
        {
            int looped = columns.Count - (columns.Count % partials);
            string header = partials == 1
                ? $"for (int {columns.Index} = 0; {columns.Index} < {columns.CountName}; {columns.Index}++)"
                : $"for (int {columns.Index} = 0; {columns.Index} < {Invariant.Int(looped)}; {columns.Index} += {Invariant.Int(partials)})";
            using (writer.OpenBlock(header))
            {
                writer.WriteLine($"ref float {columns.Row} = ref Unsafe.Add(ref {columns.Weights}, {columns.Index} * {Invariant.Int(rowLength)});");
                for (int part = 0; part < partials; part++)
                {
                    string broadcast = partials == 1 ? columns.Broadcast : columns.Broadcast + Invariant.Int(part);
                    string index = part == 0 ? columns.Index : $"{columns.Index} + {Invariant.Int(part)}";
                    writer.WriteLine($"var {broadcast} = {width.Broadcast($"Unsafe.Add(ref {columns.Source}, {index})")};");
                    foreach (Slot slot in slots)
                    {
                        foreach (ChunkPosition chunk in chunks)
                        {
                            string acc = Accumulator(slot, chunk, part);
                            string weight = width.Load(columns.Row, chunk.Offset((part * rowLength) + _context.Layout.GateOffset(slot.Gate)));
                            writer.WriteLine($"{acc} = {width.MultiplyAdd(weight, broadcast, acc)};");
                        }
                    }
                }
            }

            first = looped;
        }

        // Columns spelled out (all of them, or what a loop of several partial sums leaves), one broadcast local reused.
        for (int j = first; j < columns.Count; j++)
        {
            writer.WriteLine($"{(j == first ? "var " : "")}{columns.Broadcast} = {width.Broadcast(VectorWidth.Element(columns.Source, Invariant.Int(j)))};");
            foreach (Slot slot in slots)
            {
                foreach (ChunkPosition chunk in chunks)
                {
                    string acc = Accumulator(slot, chunk, j % partials);
                    string weight = width.Load(columns.Weights, chunk.Offset((j * rowLength) + _context.Layout.GateOffset(slot.Gate)));
                    writer.WriteLine($"{acc} = {width.MultiplyAdd(weight, columns.Broadcast, acc)};");
                }
            }
        }
    }

    /// <summary>The name of slot <paramref name="slot"/>'s accumulator (partial sum <paramref name="part"/>) for a chunk.</summary>
    internal string Accumulator(Slot slot, ChunkPosition chunk, int part)
        => slot.Recurrent && _plan.Partials > 1
            ? $"{slot.Name}_{chunk.Suffix}_{(char)('a' + part)}"
            : $"{slot.Name}_{chunk.Suffix}";

    /// <summary>The finished sum of a slot for a chunk: its partial sums added pairwise, so the sum adds only log2 of them to the chain.</summary>
    internal string Sum(string slotName, ChunkPosition chunk)
    {
        Slot slot = _phase.Slots.First(s => s.Name == slotName);
        int partials = slot.Recurrent ? _plan.Partials : 1;
        return SumTree(slot, chunk, 0, partials);
    }

    private string SumTree(Slot slot, ChunkPosition chunk, int first, int count)
    {
        if (count == 1)
        {
            return Accumulator(slot, chunk, first);
        }

        int half = (count + 1) / 2;
        return $"({SumTree(slot, chunk, first, half)} + {SumTree(slot, chunk, first + half, count - half)})";
    }

    private string Describe(ChunkTile tile)
    {
        int lanes = _context.Width.Lanes;
        int first = tile.FirstChunk * lanes;
        int last = System.Math.Min((tile.FirstChunk + tile.ChunkCount) * lanes, _context.Model.Output) - 1;
        string chunks = tile.ChunkCount == 1
            ? $"chunk {Invariant.Int(tile.FirstChunk)}"
            : $"chunks {Invariant.Int(tile.FirstChunk)}..{Invariant.Int(tile.FirstChunk + tile.ChunkCount - 1)}";
        string slots = string.Join(", ", _phase.Slots.Select(s => s.Name));
        return $"Outputs {Invariant.Int(first)}..{Invariant.Int(last)} ({chunks}): sums {slots}.";
    }

    /// <summary>One product's operand as the kernels spell it.</summary>
    private sealed record Columns(int Count, string CountName, string Index, string Source, string Weights, string Row, string Broadcast);
}
