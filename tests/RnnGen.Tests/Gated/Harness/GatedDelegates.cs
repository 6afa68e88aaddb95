using System;

namespace RnnGen.Tests.Gated.Harness;

// The LSTM's signatures with both states; the others are shared with the SimpleRNN harness (RnnGen.Tests.Harness).

public delegate void HiddenAndCellRunner(ReadOnlySpan<float> inputs, Span<float> outputs, ReadOnlySpan<float> initialHidden, ReadOnlySpan<float> initialCell);

public delegate void HiddenAndCellAdvancer(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell);

public delegate void HiddenAndCellStreamer(ReadOnlySpan<float> inputs, Span<float> outputs, Span<float> hidden, Span<float> cell);
