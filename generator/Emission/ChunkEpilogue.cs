using RnnGen.Generator.Cells;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>
/// A cell's epilogue for one output chunk, spelled for one kernel: where h_{t-1}, h_t, c and the scratch rows
/// are, and how much of the chunk may be touched. States the caller owns are exactly Output floats long, so a
/// partly used last chunk is read and written lane by lane there; stack rows are padded and take whole vectors.
/// </summary>
internal sealed class ChunkEpilogue : IEpilogueWriter
{
    private readonly KernelContext _context;
    private readonly IndentedTextWriter _writer;
    private readonly ChunkPosition _chunk;
    private readonly System.Func<string, string> _sum;
    private readonly string _zeroFlag;
    private readonly bool _hiddenPadded;
    private readonly string _sequence;

    /// <param name="context">The kernel's path.</param>
    /// <param name="writer">Where the epilogue goes.</param>
    /// <param name="chunk">The chunk.</param>
    /// <param name="sum">The finished sum of a slot for this chunk, from its accumulators or from where they were stored.</param>
    /// <param name="zeroFlag">The bool that says the previous state is zero, so it is not read.</param>
    /// <param name="hiddenPadded">h_{t-1} and h_t are padded stack rows, read and written as whole vectors; else the caller's.</param>
    /// <param name="sequence">The suffix of the sequence's refs in a batched kernel (<c>hPrev2</c>), or empty.</param>
    public ChunkEpilogue(KernelContext context, IndentedTextWriter writer, ChunkPosition chunk, System.Func<string, string> sum, string zeroFlag, bool hiddenPadded, string sequence)
    {
        _zeroFlag = zeroFlag;
        _hiddenPadded = hiddenPadded;
        _sequence = sequence;
        _context = context;
        _writer = writer;
        _chunk = chunk;
        _sum = sum;
    }

    private VectorWidth Width => _context.Width;

    private string ZeroFlag => _zeroFlag;

    public string Sum(string slot) => _sum(slot);

    public string Let(string name, string value)
    {
        _writer.WriteLine($"var {name} = {value};");
        return name;
    }

    public string Activate(ActivationKind activation, string value) => ActivationText.Apply(activation, value);

    public string MultiplyAdd(string a, string b, string c) => Width.MultiplyAdd(a, b, c);

    /// <summary>h_{t-1}: the caller's (and absent from a zero state), or a padded stack row.</summary>
    public string HiddenPrevious
        => $"({ZeroFlag} ? {Width.Zero} : {(_hiddenPadded ? Width.Load("hPrev" + _sequence, _chunk.Offset()) : LoadOwned("hPrev" + _sequence))})";

    public string CellPrevious => $"({ZeroFlag} ? {Width.Zero} : {LoadOwned("cell" + _sequence)})";

    public void StoreHidden(string value)
    {
        if (_hiddenPadded)
        {
            _writer.WriteLine(Width.Store(value, "hNext" + _sequence, _chunk.Offset()));
        }
        else
        {
            StoreOwned(value, "hNext" + _sequence);
        }
    }

    public void StoreCell(string value) => StoreOwned(value, "cell" + _sequence);

    public string LoadScratch(string row) => Width.Load(row + _sequence, _chunk.Offset());

    public void StoreScratch(string row, string value) => _writer.WriteLine(Width.Store(value, row + _sequence, _chunk.Offset()));

    public void Comment(string text) => _writer.WriteLine("// " + text);

    /// <summary>A chunk of a state the caller owns: only its real lanes are read.</summary>
    private string LoadOwned(string reference)
        => _chunk.IsPartial ? Width.LoadPartial(reference, _chunk.Offset(), _chunk.Count) : Width.Load(reference, _chunk.Offset());

    private void StoreOwned(string value, string reference)
        => _writer.WriteLine(_chunk.IsPartial ? Width.StorePartial(value, reference, _chunk.Offset(), _chunk.Count) : Width.Store(value, reference, _chunk.Offset()));
}
