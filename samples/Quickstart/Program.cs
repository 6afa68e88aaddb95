using System;
using System.Diagnostics;
using System.Globalization;
using Quickstart;
using RnnGen;

// Random inputs and weights, as in the seed notebook: W, U uniform in ±1/sqrt(O).
var random = new Random(42);
float scale = 1f / MathF.Sqrt(MotionModel.OutputSize);
float[] Uniform(int length, float limit)
{
    var values = new float[length];
    for (int i = 0; i < length; i++)
    {
        values[i] = ((random.NextSingle() * 2f) - 1f) * limit;
    }

    return values;
}

var model = new MotionModel();
model.LoadWeights(
    Uniform(MotionModel.OutputSize * MotionModel.InputSize, scale),
    Uniform(MotionModel.OutputSize * MotionModel.OutputSize, scale),
    Uniform(MotionModel.OutputSize, scale));

float[] inputs = Uniform(MotionModel.Timesteps * MotionModel.InputSize, 1f);
float[] outputs = new float[MotionModel.Timesteps * MotionModel.OutputSize];

var firstCall = Stopwatch.StartNew();
model.Run(inputs, outputs);
firstCall.Stop();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"output shape: ({MotionModel.Timesteps}, {MotionModel.OutputSize})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"h_0[0..4]:  {outputs[0]:F6} {outputs[1]:F6} {outputs[2]:F6} {outputs[3]:F6}"));
int last = (MotionModel.Timesteps - 1) * MotionModel.OutputSize;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"h_99[0..4]: {outputs[last]:F6} {outputs[last + 1]:F6} {outputs[last + 2]:F6} {outputs[last + 3]:F6}"));
Console.WriteLine($"CPU path: {SimdPaths.Current}");

// Warm up past tiered compilation, then time many forward passes.
for (int i = 0; i < 2000; i++)
{
    model.Run(inputs, outputs);
}

const int Runs = 20000;
var timer = Stopwatch.StartNew();
for (int i = 0; i < Runs; i++)
{
    model.Run(inputs, outputs);
}

timer.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first call: {firstCall.Elapsed.TotalMicroseconds:F0} µs"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean time per forward pass: {timer.Elapsed.TotalMicroseconds / Runs:F2} µs ({Runs} runs)"));
