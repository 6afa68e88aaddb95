using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.Harness;

/// <summary>The state a gated layer carries between timesteps: h, and for an LSTM c (empty for a GRU).</summary>
public sealed record GatedState(float[] Hidden, float[] Cell)
{
    /// <summary>Zeros, as every member starts without an initial state.</summary>
    public static GatedState Zero(GatedShape shape) => new(new float[shape.Output], new float[shape.CellLength]);

    /// <summary>Each element uniform in [-1, 1].</summary>
    public static GatedState Random(GatedShape shape, Random random)
        => new(RandomData.Signal(random, shape.Output), RandomData.Signal(random, shape.CellLength));

    /// <summary>A copy to hand to a member that writes the state in place.</summary>
    public GatedState Copy() => new((float[])Hidden.Clone(), (float[])Cell.Clone());
}
