namespace RnnGen.Benchmarks.Harness;

/// <summary>The gated cells measured; the value is the number of gates, G.</summary>
public enum CellKind
{
    /// <summary>Gates r, z, n in PyTorch order.</summary>
    Gru = 3,

    /// <summary>Gates i, f, g, o in PyTorch order.</summary>
    Lstm = 4,
}
