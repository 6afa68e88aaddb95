// Written by training/train.py with crowd.safetensors, from the same trained policy: retraining rewrites both.
using System;

namespace Crowd;

/// <summary>The trained weights of <see cref="SteeringHead"/>: head.weight and head.bias in crowd.safetensors.</summary>
public static class SteeringHeadWeights
{
    public const float BiasX = 0.13370791f;

    public const float BiasY = -0.09965425f;

    /// <summary>The x acceleration's weights of the 32 units, row 0 of head.weight.</summary>
    public static ReadOnlySpan<float> X => [0.01881126f, -0.36217174f, -0.24786536f, -0.1143513f, -0.33927995f, -0.2304343f, -0.37616795f, 0.048104055f, -0.052434877f, 0.105118014f, 0.26099575f, 0.31015363f, 0.123763025f, 0.22813888f, 0.46945468f, 0.39702073f, -0.0074385605f, -0.22808722f, -0.40272722f, 0.23682638f, 0.11011121f, 0.01284787f, -0.53906333f, -0.20403194f, 0.06905171f, -0.11771444f, -0.36289838f, -0.047287285f, 0.4954737f, 0.3156092f, 0.19391282f, -0.09073305f];

    /// <summary>The y acceleration's weights of the 32 units, row 1 of head.weight.</summary>
    public static ReadOnlySpan<float> Y => [-0.032219395f, -0.2957588f, 0.51520395f, -0.06770062f, -0.4521024f, 0.239579f, 0.09368063f, 0.37966076f, -0.084438056f, 0.36722428f, 0.2595706f, 0.043985814f, -0.08927062f, -0.60491097f, 0.14355128f, -0.04727649f, -0.010800442f, 0.088996515f, 0.33906353f, -0.055095587f, -0.058824003f, -0.15688331f, 0.08615252f, 0.19890842f, 0.20005465f, -0.27802822f, -0.29729992f, -0.40863606f, -0.25657964f, 0.30400002f, -0.4823914f, -0.1870177f];
}
