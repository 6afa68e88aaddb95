using System;
using System.Linq;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.BadInput;

/// <summary>
/// NaN and ±infinity at several places of each weight tensor of each load: an ArgumentException naming the
/// tensor and the flat index, and the weights loaded before unchanged.
/// </summary>
public class NonFiniteWeightTests
{
    private static readonly float[] NonFinite = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void LoadWeights_rejects_non_finite_values(string model) => AssertRejectsNonFiniteValues(model, "LoadWeights");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void LoadKerasWeights_rejects_non_finite_values(string model) => AssertRejectsNonFiniteValues(model, "LoadKerasWeights");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void LoadPyTorchWeights_rejects_non_finite_values(string model) => AssertRejectsNonFiniteValues(model, "LoadPyTorchWeights");

    private static void AssertRejectsNonFiniteValues(string model, string loadName)
    {
        (RnnUnderTest rnn, WeightSet loaded, Random random) = ModelCatalog.CreateLoaded(model);
        GeneratedMember load = GeneratedMember.For(loadName, rnn.Shape, WeightSet.Random(rnn.Shape, random), random);
        for (int p = 0; p < load.Parameters.Length; p++)
        {
            int length = load.ValidArguments()[p].Length;
            foreach (int index in new[] { 0, length / 2, length - 1 }.Distinct())
            {
                foreach (float bad in NonFinite)
                {
                    float[][] arguments = load.ValidArguments();
                    arguments[p][index] = bad;
                    string context = $"{model}.{loadName}: {bad} at flat index {index} of '{load.Parameters[p]}'";

                    ArgumentAssert.Rejects(() => load.Invoke(rnn, arguments), load.Parameters[p], context, index);

                    rnn.AssertHolds(loaded, $"after {context}");
                }
            }
        }
    }
}
