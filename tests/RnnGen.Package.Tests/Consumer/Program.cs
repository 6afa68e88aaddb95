using System;
using System.Globalization;
using System.Linq;
using Consumer;
using RnnGen;

// Weights and inputs from the formula the test's float64 reference uses: 0.4·sin(0.7·i + seed).
static float[] Wave(int length, int seed)
{
    var values = new float[length];
    for (int i = 0; i < length; i++)
    {
        values[i] = 0.4f * MathF.Sin((0.7f * i) + seed);
    }

    return values;
}

var model = new TinyModel();
model.LoadWeights(
    Wave(TinyModel.OutputSize * TinyModel.InputSize, seed: 1),
    Wave(TinyModel.OutputSize * TinyModel.OutputSize, seed: 2),
    Wave(TinyModel.OutputSize, seed: 3));

float[] inputs = Wave(TinyModel.Timesteps * TinyModel.InputSize, seed: 4);
float[] outputs = new float[TinyModel.Timesteps * TinyModel.OutputSize];
model.Run(inputs, outputs);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"output shape: ({TinyModel.Timesteps}, {TinyModel.OutputSize})"));
Console.WriteLine("outputs: " + string.Join(' ', outputs.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checksum: {outputs.Sum(v => (double)v):R}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIMD path: {SimdPaths.Current}"));
