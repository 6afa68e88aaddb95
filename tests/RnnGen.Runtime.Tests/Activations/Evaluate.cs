using System;
using System.Runtime.Intrinsics;

namespace RnnGen.Runtime.Tests.Activations;

/// <summary>Runs one overload of a function over an array, a vector at a time (a short tail padded with zeros).</summary>
internal static class Evaluate
{
    public static float[] On(Width width, RnnActivation activation, float[] x) => On(width, Overloads.Of(activation), x);

    public static float On(Width width, RnnActivation activation, float x) => On(width, Overloads.Of(activation), [x])[0];

    public static float[] On(Width width, Overloads function, float[] x)
    {
        int lanes = (int)width;
        var y = new float[x.Length];
        int i = 0;
        for (; i + lanes <= x.Length; i += lanes)
        {
            Apply(width, function, x.AsSpan(i, lanes), y.AsSpan(i, lanes));
        }

        if (i < x.Length)
        {
            Span<float> lane = stackalloc float[lanes];
            lane.Clear();
            x.AsSpan(i).CopyTo(lane);
            Apply(width, function, lane, lane);
            lane[..(x.Length - i)].CopyTo(y.AsSpan(i));
        }

        return y;
    }

    private static void Apply(Width width, Overloads function, ReadOnlySpan<float> input, Span<float> output)
    {
        switch (width)
        {
            case Width.Vector512:
                function.Vector512(Vector512.Create(input)).CopyTo(output);
                break;
            case Width.Vector256:
                function.Vector256(Vector256.Create(input)).CopyTo(output);
                break;
            case Width.Vector128:
                function.Vector128(Vector128.Create(input)).CopyTo(output);
                break;
            case Width.Scalar:
                output[0] = function.Scalar(input[0]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(width));
        }
    }
}
