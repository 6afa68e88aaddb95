using System;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>
/// One batched member of a layer and its span parameters, in order: <c>inputs</c> first (N is taken from it), then
/// the spans it writes. Each parameter holds N rows of <see cref="RowLengths"/> floats, so that one routine can
/// build valid arguments for any N and spoil one of them at a time.
/// </summary>
public sealed record BatchedMember(string Name, string[] Parameters, int[] RowLengths, Action<BatchedLayer, Memory<float>[]> Invoke)
{
    /// <summary>StepBatch, RunBatch and RunLastBatch of <paramref name="layer"/>.</summary>
    public static BatchedMember[] All(BatchedLayer layer) => [For("StepBatch", layer), For("RunBatch", layer), For("RunLastBatch", layer)];

    /// <summary>The member called <paramref name="name"/>, with the parameter names the layer's cell gives it.</summary>
    public static BatchedMember For(string name, BatchedLayer layer)
    {
        int sequenceInputs = layer.Timesteps * layer.Input;
        string[] states = layer.StateNames;
        int[] stateRows = layer.HasCell ? [layer.Output, layer.Output] : [layer.Output];
        return name switch
        {
            "StepBatch" => new(name, ["inputs", .. states], [layer.Input, .. stateRows], (l, a) => l.StepBatch(a[0].Span, a[1].Span, CellOf(a))),
            "RunBatch" => new(name, ["inputs", "outputs"], [sequenceInputs, layer.Timesteps * layer.Output], (l, a) => l.RunBatch(a[0].Span, a[1].Span)),
            "RunLastBatch" => new(name, ["inputs", .. states], [sequenceInputs, .. stateRows], (l, a) => l.RunLastBatch(a[0].Span, a[1].Span, CellOf(a))),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    /// <summary>The length of parameter <paramref name="parameter"/> for a batch of <paramref name="count"/>.</summary>
    public int Length(int parameter, int count) => count * RowLengths[parameter];

    public override string ToString() => Name;

    /// <summary>An LSTM's third span; the other cells have none.</summary>
    private static Span<float> CellOf(Memory<float>[] arguments) => arguments.Length > 2 ? arguments[2].Span : [];
}
