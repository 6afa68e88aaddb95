namespace RnnGen.Generator;

/// <summary>The largest shapes the generated code supports, and why.</summary>
internal static class ShapeLimits
{
    /// <summary>
    /// The recurrent weights, G·O×O, may hold at most this many floats (256 MiB): a SimpleRNN of 8,192 units, a GRU of
    /// 4,720, an LSTM of 4,096. Far beyond a layer whose latency matters; it keeps the stack rows of the largest
    /// layer (a few of O floats) well inside the smallest thread stacks callers use, and the weights inside one array.
    /// </summary>
    public const long MaxRecurrentFloats = 1L << 26;

    /// <summary>The widest vector (16 floats) sets the padding of a state row.</summary>
    public const int WidestLanes = 16;

    public static int Pad(int value, int lanes) => (value + lanes - 1) / lanes * lanes;
}
