using System.Collections.Generic;
using System.Linq;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// Writes one phase of a timestep for every tile of its schedule: the tile's accumulators (one per slot, output
/// chunk and sequence, split into partial sums where latency needs them), the columns of its matrix-vector product,
/// and the cell's epilogue per chunk. Shared by the step kernel, the blocked recurrence and the batched step kernel,
/// so that all of them add in the same order: a loop of Step reproduces Run bit for bit, and a batch each sequence.
/// With several sequences, each column's weights are loaded once and multiplied into every sequence's sums.
/// </summary>
internal sealed class PhaseTileEmitter
{
    private readonly KernelContext _context;
    private readonly int _phaseIndex;
    private readonly CellPhase _phase;
    private readonly PhasePlan _plan;
    private readonly TileKind _kind;
    private readonly int _sequences;
    private readonly bool _weightsInRegisters;

    /// <param name="context">The path.</param>
    /// <param name="phaseIndex">The phase of the cell.</param>
    /// <param name="kind">The kernel the tile is part of.</param>
    /// <param name="plan">The phase's plan: the path's own, or its batched one.</param>
    /// <param name="sequences">Sequences computed together (the batched step kernel); their refs are numbered <c>x0</c>, <c>hPrev0</c>, ….</param>
    /// <param name="weightsInRegisters">With several sequences: each column's weights are loaded once into locals for all of them, rather than read by every multiply-add.</param>
    public PhaseTileEmitter(KernelContext context, int phaseIndex, TileKind kind, PhasePlan? plan = null, int sequences = 1, bool weightsInRegisters = true)
    {
        _weightsInRegisters = weightsInRegisters;
        _context = context;
        _phaseIndex = phaseIndex;
        _phase = context.Phases[phaseIndex];
        _plan = plan ?? context.Path.Phases[phaseIndex];
        _kind = kind;
        _sequences = sequences;
    }

    /// <summary>The flag that says the previous state is zero, so no recurrent product runs.</summary>
    private string ZeroFlag => _kind == TileKind.Step ? "zeroState" : "zero";

    private string Operand => _phase.Operand == RecurrentOperand.Hidden ? "hPrev" : "resetHidden";

    /// <summary>The ref of sequence <paramref name="q"/>: the name itself with one sequence, else numbered.</summary>
    public static string Sequence(string name, int q, int sequences) => sequences == 1 ? name : name + Invariant.Int(q);

    private string Seq(string name, int q) => Sequence(name, q, _sequences);

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

        if (_plan.RowEpilogue)
        {
            writer.WriteLine();
            writer.WriteLine("// Every product has read all of h_{t-1}: the epilogue method turns the stored sums into the new state.");
            WriteEpilogueCall(writer, "0", _context.Model.Output / width.Lanes, _context.Model.Output % width.Lanes > 0);
        }
    }

    /// <summary>The epilogue method's call: once for a single sequence; once for all of a batch's, which it walks by their strides.</summary>
    private void WriteEpilogueCall(IndentedTextWriter writer, string start, int whole, bool tail)
    {
        string count = Invariant.Int(whole * _context.Width.Lanes), last = tail ? "true" : "false";
        string method = KernelSignatures.EpilogueMethod(_context, _phaseIndex, batched: _sequences > 1);
        if (_sequences == 1)
        {
            string state = (_context.Cell.HasCellState ? ", ref cell" : "") + (_context.ScratchRows.Count > 0 ? ", ref scratch" : "");
            writer.WriteLine($"{method}(ref sums, ref hPrev, ref hNext{state}, {start}, {count}, {last}, {ZeroFlag});");
            return;
        }

        string cell = _context.Cell.HasCellState ? ", ref cell, cellStride" : "";
        string scratch = _context.ScratchRows.Count > 0 ? $", ref scratch, {Invariant.Int(BatchStepKernelEmitter.ScratchFloatsPerSequence(_context))}" : "";
        writer.WriteLine($"{method}(ref sums, {Invariant.Int(SumsFloatsPerSequence(_phase, _plan))}, ref hPrev, hPrevStride, ref hNext, hNextStride{cell}{scratch}, {start}, {count}, {last}, {Invariant.Int(_sequences)}, {ZeroFlag});");
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
                WriteStoredEpilogue(writer, chunks);
                return;
            }

            for (int q = 0; q < _sequences; q++)
            {
                string of = _sequences == 1 ? "" : $" of sequence {Invariant.Int(q)}";
                foreach (ChunkPosition chunk in chunks)
                {
                    WriteEpilogue(writer, chunk, q, chunk.IsPartial
                        ? $"// Outputs {Invariant.Int(chunk.Chunk * width.Lanes)}..{Invariant.Int(_context.Model.Output - 1)}{of}: the last vector, only partly used."
                        : $"// {EpilogueHeader(chunk)}{of}.");
                }
            }
        }
    }

    private void WriteEpilogue(IndentedTextWriter writer, ChunkPosition chunk, int q, string header)
    {
        writer.WriteLine();
        writer.WriteLine(header);
        using (writer.OpenBlock())
        {
            _context.Cell.WriteEpilogue(_context.Model, _phaseIndex, new ChunkEpilogue(_context, writer, chunk, slot => Sum(slot, chunk, q), ZeroFlag, _kind == TileKind.Recurrence, _sequences == 1 ? "" : Invariant.Int(q)));
        }
    }

    /// <summary>
    /// The sums go to a stack row, and the path's epilogue method applies the cell's epilogue to them chunk by
    /// chunk. Out of line, its activations' constants are live only there, not beside the next tile's accumulators.
    /// </summary>
    private void WriteStoredEpilogue(IndentedTextWriter writer, List<ChunkPosition> chunks)
    {
        VectorWidth width = _context.Width;
        int rowFloats = _plan.SumsRowFloats;
        int sequenceFloats = SumsFloatsPerSequence(_phase, _plan);
        writer.WriteLine();
        writer.WriteLine(_plan.RowEpilogue
            ? "// The sums go to the stack row of the whole layer; the epilogue runs once every tile is done."
            : _sequences == 1
                ? "// The sums go to a stack row, and the epilogue method applies the activations to them."
                : "// Every sequence's sums go to stack rows before the first epilogue call, so no sum is kept across a call.");
        for (int q = 0; q < _sequences; q++)
        {
            for (int s = 0; s < _phase.Slots.Length; s++)
            {
                for (int k = 0; k < chunks.Count; k++)
                {
                    string offset = _plan.RowEpilogue
                        ? chunks[k].Offset((q * sequenceFloats) + (s * rowFloats))
                        : Invariant.Int((q * sequenceFloats) + (s * rowFloats) + (k * width.Lanes));
                    writer.WriteLine(width.Store(Sum(_phase.Slots[s].Name, chunks[k], q), "sums", offset));
                }
            }
        }

        if (!_plan.RowEpilogue)
        {
            WriteEpilogueCall(writer, chunks[0].Offset(), chunks.Count(c => !c.IsPartial), chunks.Any(c => c.IsPartial));
        }
    }

    /// <summary>Floats of the sums one sequence stores: a row per slot.</summary>
    public static int SumsFloatsPerSequence(CellPhase phase, PhasePlan plan) => phase.Slots.Length * plan.SumsRowFloats;

    /// <summary>
    /// Writes the epilogue method of phase <paramref name="phaseIndex"/>: the cell's epilogue over whole chunks
    /// whose sums a tile stored, slot after slot, in rows of <paramref name="tileFloats"/> floats, and then, when asked,
    /// the layer's last, partly used chunk, whose sums follow them.
    /// </summary>
    public static void WriteEpilogueMethod(IndentedTextWriter writer, KernelContext context, int phaseIndex, int tileFloats, bool batched)
    {
        VectorWidth width = context.Width;
        CellPhase phase = context.Phases[phaseIndex];
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// The {context.Cell.DisplayName} epilogue on the {width.Name} path for <paramref name=\"count\"/> outputs from <paramref name=\"start\"/>, whole vectors only,");
        writer.WriteLine("/// then the last, partly used one when <paramref name=\"tail\"/>: the sums of slot s (" + string.Join(", ", phase.Slots.Select(x => x.Name)) + $") are at s × {Invariant.Int(tileFloats)} in <paramref name=\"sums\"/>.");
        if (batched)
        {
            writer.WriteLine("/// For each of <paramref name=\"sequences\"/> sequences, whose sums and states lie a stride apart.");
        }

        writer.WriteLine("/// Its own method, so that the activations' constants stay in registers here and never crowd a tile's accumulators.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("[MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]");
        string method = KernelSignatures.EpilogueMethod(context, phaseIndex, batched);
        if (!batched)
        {
            using (writer.OpenBlock($"private static void {method}(ref float sums, ref float hPrev, ref float hNext{KernelSignatures.EpilogueParameters(context)}, nuint start, nuint count, bool tail, bool zero)"))
            {
                context.WriteScratchRefs(writer, "");
                WriteEpilogueBody(writer, context, phaseIndex, tileFloats, "");
            }

            return;
        }

        string cell = context.Cell.HasCellState ? ", ref float cell, nint cellStride" : "";
        string scratch = context.ScratchRows.Count > 0 ? ", ref float scratch, nint scratchStride" : "";
        using (writer.OpenBlock($"private static void {method}(ref float sums, nint sumsStride, ref float hPrev, nint hPrevStride, ref float hNext, nint hNextStride{cell}{scratch}, nuint start, nuint count, bool tail, int sequences, bool zero)"))
        {
            using (writer.OpenBlock("for (int q = 0; q < sequences; q++)"))
            {
                writer.WriteLine("ref float sumsQ = ref Unsafe.Add(ref sums, q * sumsStride);");
                writer.WriteLine("ref float hPrevQ = ref Unsafe.Add(ref hPrev, q * hPrevStride);");
                writer.WriteLine("ref float hNextQ = ref Unsafe.Add(ref hNext, q * hNextStride);");
                if (context.Cell.HasCellState)
                {
                    writer.WriteLine("ref float cellQ = ref Unsafe.Add(ref cell, q * cellStride);");
                }

                if (context.ScratchRows.Count > 0)
                {
                    writer.WriteLine("ref float scratchQ = ref Unsafe.Add(ref scratch, q * scratchStride);");
                    context.WriteScratchRefs(writer, "Q");
                }

                WriteEpilogueBody(writer, context, phaseIndex, tileFloats, "Q");
            }
        }
    }

    /// <summary>The loop over whole chunks and the partly used last one, with the refs of <paramref name="sequence"/>.</summary>
    private static void WriteEpilogueBody(IndentedTextWriter writer, KernelContext context, int phaseIndex, int tileFloats, string sequence)
    {
        VectorWidth width = context.Width;
        CellPhase phase = context.Phases[phaseIndex];
        string Sum(string slot, string at) => width.Load("sums" + sequence, StoredOffset(System.Array.FindIndex(phase.Slots, x => x.Name == slot) * tileFloats, at));
        using (writer.OpenBlock($"for (nuint k = 0; k < count; k += {Invariant.Int(width.Lanes)})"))
        {
            var chunk = ChunkPosition.At("start + k", width.Lanes, context.Model.Output);
            context.Cell.WriteEpilogue(context.Model, phaseIndex, new ChunkEpilogue(context, writer, chunk, slot => Sum(slot, "k"), "zero", hiddenPadded: true, sequence));
        }

        int tailOutputs = context.Model.Output % width.Lanes;
        if (tailOutputs > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"// The last {Invariant.Int(tailOutputs)} outputs fill only part of a vector: the caller's states are read and written lane by lane.");
            using (writer.OpenBlock("if (tail)"))
            {
                var chunk = ChunkPosition.PartialAt("start + count", width.Lanes, context.Model.Output, tailOutputs);
                context.Cell.WriteEpilogue(context.Model, phaseIndex, new ChunkEpilogue(context, writer, chunk, slot => Sum(slot, "count"), "zero", hiddenPadded: false, sequence));
            }
        }
    }

    private static string StoredOffset(int slotStart, string at) => slotStart == 0 ? at : $"{Invariant.Int(slotStart)} + {at}";

    private string EpilogueHeader(ChunkPosition chunk)
        => chunk.Looped
            ? $"Chunk {Invariant.Int(chunk.Chunk)} of the tile"
            : $"Outputs {Invariant.Int(chunk.Chunk * _context.Width.Lanes)}..{Invariant.Int((chunk.Chunk * _context.Width.Lanes) + chunk.Count - 1)}";

    private string PartialsNote()
        => _plan.Partials == 1 ? "" : $"; column j adds into partial sum j mod {Invariant.Int(_plan.Partials)}, so more FMA chains run at once";

    private void WriteAccumulators(IndentedTextWriter writer, List<ChunkPosition> chunks)
    {
        VectorWidth width = _context.Width;
        writer.WriteLine(_kind == TileKind.Step
            ? "// Sums start from the bias."
            : "// Sums start from the input projection (W·x + bias) stored for this timestep.");
        // Chunk by chunk, each chunk's gates in turn: the order of the rows in memory.
        for (int q = 0; q < _sequences; q++)
        {
            foreach (ChunkPosition chunk in chunks)
            {
                foreach (Slot slot in _phase.Slots)
                {
                    writer.WriteLine($"var {Accumulator(slot, chunk, 0, q)} = {Start(slot, chunk)};");
                }
            }
        }

        for (int part = 1; part < _plan.Partials; part++)
        {
            for (int q = 0; q < _sequences; q++)
            {
                foreach (Slot slot in _phase.Slots.Where(s => s.Recurrent))
                {
                    foreach (ChunkPosition chunk in chunks)
                    {
                        writer.WriteLine($"var {Accumulator(slot, chunk, part, q)} = {width.Zero};");
                    }
                }
            }
        }
    }

    /// <summary>Where slot <paramref name="slot"/>'s sum for <paramref name="chunk"/> starts.</summary>
    private string Start(Slot slot, ChunkPosition chunk)
    {
        VectorWidth width = _context.Width;
        string offset = chunk.PackedOffset(_context.Layout, slot.Gate);
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
    /// multiplied with row j of the packed weights, into partial sum j mod <paramref name="partials"/>. With several
    /// sequences, the row's weight vectors are loaded once into locals and each sequence's column is broadcast.
    /// </summary>
    private void WriteColumns(IndentedTextWriter writer, List<ChunkPosition> chunks, List<Slot> slots, Columns columns, int partials)
    {
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
                    string index = part == 0 ? columns.Index : $"{columns.Index} + {Invariant.Int(part)}";
                    WriteColumn(writer, chunks, slots, columns, new ColumnSpelling(columns.Row, part * rowLength, part, partials == 1 ? "" : Invariant.Int(part), source => $"Unsafe.Add(ref {source}, {index})", Declare: true));
                }
            }

            first = looped;
        }

        // Columns spelled out (all of them, or what a loop of several partial sums leaves), their locals reused.
        for (int j = first; j < columns.Count; j++)
        {
            int column = j;
            WriteColumn(writer, chunks, slots, columns, new ColumnSpelling(columns.Weights, j * rowLength, j % partials, "", source => VectorWidth.Element(source, Invariant.Int(column)), Declare: j == first));
        }
    }

    /// <summary>One column: its weight vectors, each sequence's broadcast element, and the multiply-adds.</summary>
    private void WriteColumn(IndentedTextWriter writer, List<ChunkPosition> chunks, List<Slot> slots, Columns columns, ColumnSpelling spelling)
    {
        VectorWidth width = _context.Width;
        string var = spelling.Declare ? "var " : "";
        bool hoist = _sequences > 1 && _weightsInRegisters;
        if (hoist)
        {
            // One load of each weight vector for every sequence, in the order of the row in memory.
            foreach (ChunkPosition chunk in chunks)
            {
                foreach (Slot slot in slots)
                {
                    writer.WriteLine($"{var}{columns.Row}_{slot.Name}_{chunk.Suffix}{spelling.Suffix} = {width.Load(spelling.Row, chunk.PackedOffset(_context.Layout, slot.Gate, spelling.RowOffset))};");
                }
            }
        }

        for (int q = 0; q < _sequences; q++)
        {
            string broadcast = columns.Broadcast + spelling.Suffix + (_sequences == 1 ? "" : "_s" + Invariant.Int(q));
            writer.WriteLine($"{var}{broadcast} = {width.Broadcast(spelling.Element(Seq(columns.Source, q)))};");
            foreach (ChunkPosition chunk in chunks)
            {
                foreach (Slot slot in slots)
                {
                    string acc = Accumulator(slot, chunk, spelling.Part, q);
                    string weight = hoist
                        ? $"{columns.Row}_{slot.Name}_{chunk.Suffix}{spelling.Suffix}"
                        : width.Load(spelling.Row, chunk.PackedOffset(_context.Layout, slot.Gate, spelling.RowOffset));
                    writer.WriteLine($"{acc} = {width.MultiplyAdd(weight, broadcast, acc)};");
                }
            }
        }
    }

    /// <summary>The name of slot <paramref name="slot"/>'s accumulator (partial sum <paramref name="part"/>) for a chunk and sequence.</summary>
    internal string Accumulator(Slot slot, ChunkPosition chunk, int part, int q)
        => $"{slot.Name}_{chunk.Suffix}"
           + (slot.Recurrent && _plan.Partials > 1 ? "_" + (char)('a' + part) : "")
           + (_sequences == 1 ? "" : "_s" + Invariant.Int(q));

    /// <summary>The finished sum of a slot for a chunk and sequence: its partial sums added pairwise, so the sum adds only log2 of them to the chain.</summary>
    internal string Sum(string slotName, ChunkPosition chunk, int q)
    {
        Slot slot = _phase.Slots.First(s => s.Name == slotName);
        int partials = slot.Recurrent ? _plan.Partials : 1;
        return SumTree(slot, chunk, q, 0, partials);
    }

    private string SumTree(Slot slot, ChunkPosition chunk, int q, int first, int count)
    {
        if (count == 1)
        {
            return Accumulator(slot, chunk, first, q);
        }

        int half = (count + 1) / 2;
        return $"({SumTree(slot, chunk, q, first, half)} + {SumTree(slot, chunk, q, first + half, count - half)})";
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
        string sequences = _sequences == 1 ? "" : $", for {Invariant.Int(_sequences)} sequences";
        return $"Outputs {Invariant.Int(first)}..{Invariant.Int(last)} ({chunks}): sums {slots}{sequences}.";
    }

    /// <summary>How one column is written: its weight row and offset, its partial sum, the suffix of its locals, its element, and whether the locals are declared here.</summary>
    private sealed record ColumnSpelling(string Row, int RowOffset, int Part, string Suffix, System.Func<string, string> Element, bool Declare);

    /// <summary>One product's operand as the kernels spell it.</summary>
    private sealed record Columns(int Count, string CountName, string Index, string Source, string Weights, string Row, string Broadcast);
}
