// Written by training/train.py with drive.safetensors, from the same trained model: retraining rewrites both.
using System;

namespace AudioEffect;

/// <summary>The trained weights of <see cref="OutputHead"/>: head.weight and head.bias in drive.safetensors.</summary>
public static class OutputHeadWeights
{
    public const float Bias = -0.0930445f;

    /// <summary>The weight of the input sample, the last of head.weight.</summary>
    public const float Input = 0.31580308f;

    /// <summary>The weights of the 16 hidden units, the first of head.weight.</summary>
    public static ReadOnlySpan<float> Hidden => [0.5192012f, -0.36835632f, 0.04586561f, -0.27376541f, 0.08585213f, -0.06299635f, -0.091917574f, 0.12017709f, 0.07389082f, -0.11991315f, -0.03295088f, -0.019134171f, 0.0010319109f, -0.08950183f, 0.110689886f, 0.109435745f];
}
