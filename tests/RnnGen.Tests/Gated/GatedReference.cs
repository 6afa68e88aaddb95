using System;
using RnnGen.Tests.Gated.Harness;

namespace RnnGen.Tests.Gated;

/// <summary>Every hidden state h_t (T×O) of a reference run, and for an LSTM every cell state c_t (T×O; empty for a GRU).</summary>
public sealed record ReferenceTrace(double[] Hidden, double[] Cell, int Output)
{
    /// <summary>h_{T-1}.</summary>
    public ReadOnlySpan<double> LastHidden => Hidden.AsSpan(^Output..);

    /// <summary>c_{T-1} (empty for a GRU).</summary>
    public ReadOnlySpan<double> LastCell => Cell.Length == 0 ? [] : Cell.AsSpan(^Output..);
}

/// <summary>
/// The GRU and LSTM formulas in float64, with plain loops over the Keras tensors as <c>get_weights()</c> returns
/// them and nothing clever. It reads the framework layout directly, so that it shares no conversion with the
/// tests it judges.
/// </summary>
public static class GatedReference
{
    /// <summary>
    /// Runs as many timesteps as <paramref name="inputs"/> holds (its length / I) from the given states, or from
    /// zeros where they are empty.
    /// </summary>
    public static ReferenceTrace Run(
        GatedShape shape,
        KerasTensors weights,
        ReadOnlySpan<float> inputs,
        ReadOnlySpan<float> initialHidden = default,
        ReadOnlySpan<float> initialCell = default)
    {
        int o = shape.Output;
        int timesteps = inputs.Length / shape.Input;
        var h = new double[o];
        var c = new double[o];
        Widen(initialHidden, h);
        Widen(initialCell, c);

        var hidden = new double[timesteps * o];
        var cells = new double[shape.IsLstm ? timesteps * o : 0];
        for (int t = 0; t < timesteps; t++)
        {
            ReadOnlySpan<float> x = inputs.Slice(t * shape.Input, shape.Input);
            if (shape.IsLstm)
            {
                LstmStep(shape, weights, x, h, c);
                c.CopyTo(cells, t * o);
            }
            else
            {
                GruStep(shape, weights, x, h);
            }

            h.CopyTo(hidden, t * o);
        }

        return new ReferenceTrace(hidden, cells, o);
    }

    /// <summary>One GRU timestep in place; Keras gate blocks z (0), r (1), h (2).</summary>
    private static void GruStep(GatedShape shape, KerasTensors k, ReadOnlySpan<float> x, double[] h)
    {
        int o = shape.Output;
        int rows = 3 * o;
        var next = new double[o];
        var z = new double[o];
        var r = new double[o];
        for (int unit = 0; unit < o; unit++)
        {
            z[unit] = Activate(shape.RecurrentActivation, InputSum(k, x, rows, unit) + RecurrentSum(k, h, rows, unit) + Bias(shape, k, unit));
            r[unit] = Activate(shape.RecurrentActivation, InputSum(k, x, rows, o + unit) + RecurrentSum(k, h, rows, o + unit) + Bias(shape, k, o + unit));
        }

        var resetHidden = new double[o];
        for (int j = 0; j < o; j++)
        {
            resetHidden[j] = r[j] * h[j];
        }

        for (int unit = 0; unit < o; unit++)
        {
            int column = (2 * o) + unit;
            double n = shape.ResetAfter
                ? InputSum(k, x, rows, column) + k.Bias[column] + (r[unit] * (RecurrentSum(k, h, rows, column) + k.Bias[rows + column]))
                : InputSum(k, x, rows, column) + RecurrentSum(k, resetHidden, rows, column) + k.Bias[column];
            n = Activate(shape.Activation, n);
            next[unit] = (z[unit] * h[unit]) + ((1 - z[unit]) * n);
        }

        next.CopyTo(h, 0);
    }

    /// <summary>One LSTM timestep in place; Keras gate blocks i (0), f (1), c (2), o (3).</summary>
    private static void LstmStep(GatedShape shape, KerasTensors k, ReadOnlySpan<float> x, double[] h, double[] c)
    {
        int o = shape.Output;
        int rows = 4 * o;
        var next = new double[o];
        for (int unit = 0; unit < o; unit++)
        {
            double input = Activate(shape.RecurrentActivation, LstmPreActivation(k, x, h, rows, unit));
            double forget = Activate(shape.RecurrentActivation, LstmPreActivation(k, x, h, rows, o + unit));
            double candidate = Activate(shape.Activation, LstmPreActivation(k, x, h, rows, (2 * o) + unit));
            double output = Activate(shape.RecurrentActivation, LstmPreActivation(k, x, h, rows, (3 * o) + unit));
            c[unit] = (forget * c[unit]) + (input * candidate);
            next[unit] = output * Activate(shape.Activation, c[unit]);
        }

        next.CopyTo(h, 0);
    }

    /// <summary>W·x + U·h + b of one LSTM gate unit: column <c>gate·O + unit</c> of the Keras tensors.</summary>
    private static double LstmPreActivation(KerasTensors k, ReadOnlySpan<float> x, double[] h, int rows, int column)
        => InputSum(k, x, rows, column) + RecurrentSum(k, h, rows, column) + k.Bias[column];

    /// <summary>Σ_i x_i · kernel[i, column].</summary>
    private static double InputSum(KerasTensors k, ReadOnlySpan<float> x, int rows, int column)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += (double)k.Kernel[(i * rows) + column] * x[i];
        }

        return sum;
    }

    /// <summary>Σ_j state_j · recurrent_kernel[j, column].</summary>
    private static double RecurrentSum(KerasTensors k, double[] state, int rows, int column)
    {
        double sum = 0;
        for (int j = 0; j < state.Length; j++)
        {
            sum += k.RecurrentKernel[(j * rows) + column] * state[j];
        }

        return sum;
    }

    /// <summary>A GRU gate's whole bias: both rows with ResetAfter, the one row without.</summary>
    private static double Bias(GatedShape shape, KerasTensors k, int column)
        => shape.ResetAfter ? (double)k.Bias[column] + k.Bias[(3 * shape.Output) + column] : k.Bias[column];

    private static double Activate(RnnActivation activation, double x) => Reference.Activate(activation, x);

    private static void Widen(ReadOnlySpan<float> values, double[] destination)
    {
        for (int i = 0; i < values.Length; i++)
        {
            destination[i] = values[i];
        }
    }
}
