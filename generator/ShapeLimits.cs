namespace RnnGen.Generator;

/// <summary>The largest shapes the generated code supports, and why.</summary>
internal static class ShapeLimits
{
    /// <summary>The stack a kernel may use for its state rows: the JIT's default thread has 1 MiB (8 MiB on Linux), and callers' stacks need room too.</summary>
    public const int MaxStackBytes = 64 * 1024;

    /// <summary>The widest vector (16 floats) sets the padding of a state row.</summary>
    public const int WidestLanes = 16;

    /// <summary>Two state rows (previous and next) of the padded output must fit in <see cref="MaxStackBytes"/>.</summary>
    public const int MaxOutput = MaxStackBytes / (2 * WidestLanes * sizeof(float)) * WidestLanes;

    public static int Pad(int value, int lanes) => (value + lanes - 1) / lanes * lanes;
}
