using RnnGen.Generator.Helpers;
using RnnGen.Layout;

namespace RnnGen.Generator.Emission;

/// <summary>
/// One output chunk as generated code addresses it: a fixed chunk of a written-out tile (offsets are constants,
/// names carry the outputs, <c>z_o16_31</c>), or chunk k of the tile a loop is at (offsets from the loop's
/// <c>c0</c>, names carry k, <c>z_1</c>).
/// </summary>
internal readonly struct ChunkPosition
{
    /// <summary>The loop variable that holds the first output of the current tile, in floats.</summary>
    public const string TileStart = "c0";

    private ChunkPosition(int chunk, int lanes, int output, bool looped, string start = TileStart, int count = 0)
    {
        Chunk = chunk;
        Lanes = lanes;
        Output = output;
        Looped = looped;
        Start = start;
        _count = count;
    }

    private readonly int _count;

    /// <summary>The expression a looped chunk's offsets count from.</summary>
    private string Start { get; }

    /// <summary>The chunk's index: absolute when written out, within the tile when looped.</summary>
    public int Chunk { get; }

    public int Lanes { get; }

    public int Output { get; }

    public bool Looped { get; }

    public static ChunkPosition Fixed(int chunk, int lanes, int output) => new(chunk, lanes, output, looped: false);

    public static ChunkPosition InLoop(int chunkInTile, int lanes, int output) => new(chunkInTile, lanes, output, looped: true);

    /// <summary>A whole chunk whose first output is at <paramref name="start"/>, an expression of a loop variable.</summary>
    public static ChunkPosition At(string start, int lanes, int output) => new(0, lanes, output, looped: true, start);

    /// <summary>The last, partly used chunk, whose first output is at <paramref name="start"/>: <paramref name="count"/> real lanes.</summary>
    public static ChunkPosition PartialAt(string start, int lanes, int output, int count) => new(0, lanes, output, looped: true, start, count);

    /// <summary>Outputs this chunk really has; fewer than <see cref="Lanes"/> only for a written-out last chunk.</summary>
    public int Count => _count > 0 ? _count : Looped ? Lanes : System.Math.Min(Lanes, Output - (Chunk * Lanes));

    /// <summary>Whether the chunk's last lanes are padding.</summary>
    public bool IsPartial => Count < Lanes;

    /// <summary>The offset of this chunk's first float, plus <paramref name="extra"/>, as code.</summary>
    public string Offset(int extra = 0)
    {
        int constant = extra + (Chunk * Lanes);
        return Looped
            ? (constant == 0 ? Start : $"{Start} + {Invariant.Int(constant)}")
            : Invariant.Int(constant);
    }

    /// <summary>
    /// The offset, within a row of the packed weights or of the projections, of gate <paramref name="gate"/>'s vector
    /// for this chunk, plus <paramref name="extra"/>, as code. A looped chunk counts from the tile's first output,
    /// whose chunk starts G times as far into the row, since each chunk holds every gate's vector.
    /// </summary>
    public string PackedOffset(PackedLayout layout, int gate, int extra = 0)
    {
        int constant = extra + layout.VectorOffset(gate, Chunk);
        if (!Looped)
        {
            return Invariant.Int(constant);
        }

        string start = layout.Gates == 1 ? Start : $"{Start} * {Invariant.Int(layout.Gates)}";
        return constant == 0 ? start : $"{start} + {Invariant.Int(constant)}";
    }

    /// <summary>The suffix of the chunk's names: <c>o16_31</c>, or k within a looped tile.</summary>
    public string Suffix
    {
        get
        {
            if (Looped)
            {
                return Invariant.Int(Chunk);
            }

            int first = Chunk * Lanes;
            int last = first + Count - 1;
            return first == last ? "o" + Invariant.Int(first) : $"o{Invariant.Int(first)}_{Invariant.Int(last)}";
        }
    }
}
