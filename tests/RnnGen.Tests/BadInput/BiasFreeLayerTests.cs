using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.BadInput;

/// <summary>Layers declared with <c>UseBias = false</c>: biases must be zero, and ExportWeights writes zeros.</summary>
public class BiasFreeLayerTests
{
    [Theory]
    [MemberData(nameof(ModelCatalog.WithoutBias), MemberType = typeof(ModelCatalog))]
    public void Every_load_rejects_a_non_zero_bias(string model)
    {
        (RnnUnderTest rnn, WeightSet loaded, Random random) = ModelCatalog.CreateLoaded(model);
        var replacement = WeightSet.Random(rnn.Shape, random);
        foreach ((string loadName, int[] biasParameters) in new[] { ("LoadWeights", new[] { 2 }), ("LoadKerasWeights", [2]), ("LoadPyTorchWeights", [2, 3]) })
        {
            GeneratedMember load = GeneratedMember.For(loadName, rnn.Shape, replacement, random);
            foreach (int p in biasParameters)
            {
                float[][] arguments = load.ValidArguments();
                int index = arguments[p].Length - 1;
                arguments[p][index] = 0.25f;
                string context = $"{model}.{loadName}: 0.25 at index {index} of '{load.Parameters[p]}' on a layer without bias";

                ArgumentAssert.Rejects(() => load.Invoke(rnn, arguments), load.Parameters[p], context, index);

                rnn.AssertHolds(loaded, $"after {context}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.WithoutBias), MemberType = typeof(ModelCatalog))]
    public void Every_load_accepts_a_zero_bias(string model)
    {
        (RnnUnderTest rnn, _, Random random) = ModelCatalog.CreateLoaded(model);
        var replacement = WeightSet.Random(rnn.Shape, random);
        Assert.All(replacement.B, b => Assert.Equal(0f, b));

        foreach (string loadName in new[] { "LoadWeights", "LoadKerasWeights", "LoadPyTorchWeights" })
        {
            GeneratedMember load = GeneratedMember.For(loadName, rnn.Shape, replacement, random);
            load.Invoke(rnn, load.ValidArguments());
            rnn.AssertHolds(replacement, $"after {loadName} with zero biases");
        }
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.WithoutBias), MemberType = typeof(ModelCatalog))]
    public void ExportWeights_writes_zeros_to_the_bias(string model)
    {
        (RnnUnderTest rnn, WeightSet loaded, _) = ModelCatalog.CreateLoaded(model);
        float[] w = GeneratedMember.Filled(rnn.Shape.WLength);
        float[] u = GeneratedMember.Filled(rnn.Shape.ULength);
        float[] b = GeneratedMember.Filled(rnn.Shape.Output);

        rnn.ExportWeights(w, u, b);

        FloatAssert.Identical(new float[rnn.Shape.Output], b, rnn.Shape.Output, $"{model}: exported b");
        FloatAssert.Identical(loaded.W, w, rnn.Shape.Input, $"{model}: exported W");
        FloatAssert.Identical(loaded.U, u, rnn.Shape.Output, $"{model}: exported U");
    }
}
