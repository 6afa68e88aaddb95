namespace RnnGen.Runtime.Tests.Activations;

/// <summary>The overloads of each activation, one per vector width.</summary>
public enum Width
{
    Vector512 = 16,
    Vector256 = 8,
    Vector128 = 4,
    Scalar = 1,
}

public static class Widths
{
    public static TheoryData<Width> All => new() { Width.Vector512, Width.Vector256, Width.Vector128, Width.Scalar };

    public static TheoryData<Width> Vectors => new() { Width.Vector512, Width.Vector256, Width.Vector128 };
}
