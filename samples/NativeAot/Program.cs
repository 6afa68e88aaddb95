using System;
using System.Diagnostics;
using System.Globalization;
using NativeAot;
using RnnGen;

// Weights and inputs from a fixed formula, so the JIT and NativeAOT builds of this program see the same numbers.
static float[] Wave(int length, float scale, int seed)
{
    var values = new float[length];
    for (int i = 0; i < length; i++)
    {
        values[i] = scale * MathF.Sin((0.37f * i) + seed);
    }

    return values;
}

float limit = 1f / MathF.Sqrt(SensorModel.OutputSize);
var model = new SensorModel();
model.LoadWeights(
    Wave(SensorModel.OutputSize * SensorModel.InputSize, limit, seed: 1),
    Wave(SensorModel.OutputSize * SensorModel.OutputSize, limit, seed: 2),
    Wave(SensorModel.OutputSize, limit, seed: 3));

float[] inputs = Wave(SensorModel.Timesteps * SensorModel.InputSize, 1f, seed: 4);
float[] outputs = new float[SensorModel.Timesteps * SensorModel.OutputSize];
model.Run(inputs, outputs);

// A position-weighted sum, so that swapped or shifted outputs change it too.
double checksum = 0;
for (int i = 0; i < outputs.Length; i++)
{
    checksum += outputs[i] * (1 + (i % 7));
}

const int Runs = 20000;
var timer = Stopwatch.StartNew();
for (int i = 0; i < Runs; i++)
{
    model.Run(inputs, outputs);
}

timer.Stop();

// PublishAot turns off dynamic code even in a JIT run (so both behave alike); only the JIT compiles methods.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runtime: {(System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "NativeAOT")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIMD path: {SimdPaths.Current}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"output shape: ({SensorModel.Timesteps}, {SensorModel.OutputSize})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checksum: {checksum:R}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean time per forward pass: {timer.Elapsed.TotalMicroseconds / Runs:F2} µs"));
