using System;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.BadInput;

/// <summary>
/// One generated member with valid arguments for it, so that a single routine can spoil one argument at a time.
/// Every call gets fresh arrays; the spans a member writes are filled with <see cref="Sentinel"/>.
/// </summary>
public sealed record GeneratedMember(
    string Name,
    string[] Parameters,
    bool[] Written,
    bool IsLoad,
    Func<float[][]> ValidArguments,
    Action<RnnUnderTest, float[][]> Invoke)
{
    /// <summary>A value no kernel produces from the test data, to prove that nothing was written.</summary>
    public const float Sentinel = -1234.5f;

    /// <summary>
    /// The member called <paramref name="name"/>. Loads get <paramref name="replacement"/>, weights other than the
    /// loaded ones, so that a load that writes part of them before failing is caught.
    /// </summary>
    public static GeneratedMember For(string name, RnnShape shape, WeightSet replacement, Random random) => name switch
    {
        "Run" => new(
            name, ["inputs", "outputs"], [false, true], IsLoad: false,
            () => [RandomData.Signal(random, shape.InputsLength), Filled(shape.OutputsLength)],
            (rnn, a) => rnn.Run(a[0], a[1])),
        "RunFromState" => new(
            name, ["inputs", "outputs", "initialState"], [false, true, false], IsLoad: false,
            () => [RandomData.Signal(random, shape.InputsLength), Filled(shape.OutputsLength), RandomData.Signal(random, shape.Output)],
            (rnn, a) => rnn.RunFromState(a[0], a[1], a[2])),
        "RunLast" => new(
            name, ["inputs", "state"], [false, true], IsLoad: false,
            () => [RandomData.Signal(random, shape.InputsLength), Filled(shape.Output)],
            (rnn, a) => rnn.RunLast(a[0], a[1])),
        "Step" => new(
            name, ["input", "state"], [false, true], IsLoad: false,
            () => [RandomData.Signal(random, shape.Input), Filled(shape.Output)],
            (rnn, a) => rnn.Step(a[0], a[1])),
        "LoadWeights" => new(
            name, ["w", "u", "b"], [false, false, false], IsLoad: true,
            () => [Copy(replacement.W), Copy(replacement.U), Copy(replacement.B)],
            (rnn, a) => rnn.LoadWeights(a[0], a[1], a[2])),
        "LoadKerasWeights" => new(
            name, ["kernel", "recurrentKernel", "bias"], [false, false, false], IsLoad: true,
            () => [replacement.KerasKernel, replacement.KerasRecurrentKernel, Copy(replacement.B)],
            (rnn, a) => rnn.LoadKerasWeights(a[0], a[1], a[2])),
        "LoadPyTorchWeights" => new(
            name, ["weightIh", "weightHh", "biasIh", "biasHh"], [false, false, false, false], IsLoad: true,
            () => [Copy(replacement.W), Copy(replacement.U), Copy(replacement.BiasIh), Copy(replacement.BiasHh)],
            (rnn, a) => rnn.LoadPyTorchWeights(a[0], a[1], a[2], a[3])),
        "ExportWeights" => new(
            name, ["w", "u", "b"], [true, true, true], IsLoad: false,
            () => [Filled(shape.WLength), Filled(shape.ULength), Filled(shape.Output)],
            (rnn, a) => rnn.ExportWeights(a[0], a[1], a[2])),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>An array of <paramref name="length"/> sentinels.</summary>
    public static float[] Filled(int length)
    {
        var values = new float[length];
        Array.Fill(values, Sentinel);
        return values;
    }

    public override string ToString() => Name;

    private static float[] Copy(float[] values) => (float[])values.Clone();
}
