using RnnGen.Generator.Models;

namespace RnnGen.Generator.Cells;

/// <summary>
/// What a cell's epilogue may say about one output chunk: the sums of its accumulators, arithmetic, and the state
/// it reads and writes. The kernel emitters implement it for each path and each kind of kernel, so a cell states
/// its mathematics once and every kernel spells it for its own registers and memory.
/// </summary>
internal interface IEpilogueWriter
{
    /// <summary>The finished sum of slot <paramref name="slot"/> for this chunk.</summary>
    string Sum(string slot);

    /// <summary>Declares a local for this chunk and returns its name.</summary>
    string Let(string name, string value);

    /// <summary><paramref name="value"/> through the activation (unchanged for Linear).</summary>
    string Activate(ActivationKind activation, string value);

    /// <summary><c>a * b + c</c>, fused.</summary>
    string MultiplyAdd(string a, string b, string c);

    /// <summary>This chunk of h_{t-1} (zero from a zero state).</summary>
    string HiddenPrevious { get; }

    /// <summary>This chunk of c_{t-1} (zero from a zero state).</summary>
    string CellPrevious { get; }

    /// <summary>Writes this chunk of h_t.</summary>
    void StoreHidden(string value);

    /// <summary>Writes this chunk of c_t.</summary>
    void StoreCell(string value);

    /// <summary>This chunk of a scratch row (see <see cref="Cell.ScratchRows"/>).</summary>
    string LoadScratch(string row);

    /// <summary>Writes this chunk of a scratch row.</summary>
    void StoreScratch(string row, string value);

    /// <summary>A comment line in the generated code.</summary>
    void Comment(string text);
}
