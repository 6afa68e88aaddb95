using System;
using System.Linq;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.BadInput;

/// <summary>
/// Every span parameter of every member of every GRU and LSTM, given a wrong length while the others are right:
/// an ArgumentException naming the parameter, the expected and the actual length, nothing written, and the
/// weights loaded before kept.
/// </summary>
public class GatedWrongLengthTests
{
    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Run_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "Run");

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Run_from_states_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "RunFromStates");

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void RunLast_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "RunLast");

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void Step_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "Step");

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void LoadKerasWeights_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "LoadKerasWeights");

    [Theory]
    [MemberData(nameof(GatedCatalog.WithPyTorchLayout), MemberType = typeof(GatedCatalog))]
    public void LoadPyTorchWeights_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "LoadPyTorchWeights");

    [Theory]
    [MemberData(nameof(GatedCatalog.All), MemberType = typeof(GatedCatalog))]
    public void ExportKerasWeights_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "ExportKerasWeights");

    private static void AssertRejectsEveryWrongLength(string model, string memberName)
    {
        (GatedUnderTest rnn, GatedWeights loaded, Random random) = GatedCatalog.CreateLoaded(model);
        KerasTensors kept = loaded.Keras;
        GatedMember member = GatedMember.For(memberName, rnn.Shape, GatedWeights.Random(rnn.Shape, random), random);
        for (int p = 0; p < member.Parameters.Length; p++)
        {
            int expected = member.ValidArguments()[p].Length;
            foreach (int wrong in WrongLengths(expected))
            {
                float[][] arguments = member.ValidArguments();
                arguments[p] = member.Written[p] ? GatedMember.Filled(wrong) : RandomData.Signal(random, wrong);
                string context = $"{model}.{member}: '{member.Parameters[p]}' of length {wrong} instead of {expected}";

                ArgumentAssert.Rejects(() => member.Invoke(rnn, arguments), member.Parameters[p], context, expected, wrong);

                for (int q = 0; q < arguments.Length; q++)
                {
                    if (member.Written[q])
                    {
                        FloatAssert.Untouched(arguments[q], GatedMember.Sentinel, $"{context}: '{member.Parameters[q]}'");
                    }
                }

                rnn.AssertHolds(kept, $"after {context}");
            }
        }
    }

    /// <summary>Empty, one short and one long (without repeats, and never the right length).</summary>
    private static int[] WrongLengths(int expected) => new[] { 0, expected - 1, expected + 1 }.Where(n => n >= 0 && n != expected).Distinct().ToArray();
}
