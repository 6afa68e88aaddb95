using System;
using System.IO;
using System.Reflection;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.Harness;

/// <summary>
/// One new instance of a generated GRU or LSTM, seen through delegates bound to its generated members. The state
/// members take both states; a GRU, which has no cell state, ignores the cell span.
/// </summary>
public sealed class GatedUnderTest
{
    private static readonly Type Ro = typeof(ReadOnlySpan<float>);
    private static readonly Type Rw = typeof(Span<float>);

    private readonly SequenceRunnerFromState? _gruRunFromState;
    private readonly StateAdvancer? _gruRunLast;
    private readonly StateAdvancer? _gruStep;
    private readonly HiddenAndCellRunner? _lstmRunFromStates;
    private readonly HiddenAndCellAdvancer? _lstmRunLast;
    private readonly HiddenAndCellAdvancer? _lstmStep;
    private readonly HiddenAndCellStreamer? _lstmRunStream;
    private readonly StateAdvancer? _gruStepBatch;
    private readonly StateAdvancer? _gruRunLastBatch;
    private readonly HiddenAndCellAdvancer? _lstmStepBatch;
    private readonly HiddenAndCellAdvancer? _lstmRunLastBatch;

    private GatedUnderTest(GatedShape shape, object instance)
    {
        Shape = shape;
        Instance = instance;
        LoadKerasWeights = Bind<KerasLoader>("LoadKerasWeights", Ro, Ro, Ro);
        LoadPyTorchWeights = TryBind<PyTorchLoader>("LoadPyTorchWeights", Ro, Ro, Ro, Ro);
        ExportKerasWeights = Bind<WeightExporter>("ExportKerasWeights", Rw, Rw, Rw);
        LoadKerasNpz = Bind<Action<Stream>>("LoadKerasNpz", typeof(Stream));
        LoadKerasNpzFile = Bind<Action<string>>("LoadKerasNpz", typeof(string));
        LoadPyTorchSafetensors = TryBind<SafetensorsLoader>("LoadPyTorchSafetensors", typeof(Stream), typeof(string));
        LoadPyTorchSafetensorsFile = TryBind<Action<string, string>>("LoadPyTorchSafetensors", typeof(string), typeof(string));
        Run = Bind<SequenceRunner>("Run", Ro, Rw);
        RunBatch = Bind<SequenceRunner>("RunBatch", Ro, Rw);
        if (shape.IsLstm)
        {
            _lstmRunFromStates = Bind<HiddenAndCellRunner>("Run", Ro, Rw, Ro, Ro);
            _lstmRunLast = Bind<HiddenAndCellAdvancer>("RunLast", Ro, Rw, Rw);
            _lstmStep = Bind<HiddenAndCellAdvancer>("Step", Ro, Rw, Rw);
            _lstmRunStream = Bind<HiddenAndCellStreamer>("RunStream", Ro, Rw, Rw, Rw);
            _lstmStepBatch = Bind<HiddenAndCellAdvancer>("StepBatch", Ro, Rw, Rw);
            _lstmRunLastBatch = Bind<HiddenAndCellAdvancer>("RunLastBatch", Ro, Rw, Rw);
        }
        else
        {
            _gruRunFromState = Bind<SequenceRunnerFromState>("Run", Ro, Rw, Ro);
            _gruRunLast = Bind<StateAdvancer>("RunLast", Ro, Rw);
            _gruStep = Bind<StateAdvancer>("Step", Ro, Rw);
            _gruStepBatch = Bind<StateAdvancer>("StepBatch", Ro, Rw);
            _gruRunLastBatch = Bind<StateAdvancer>("RunLastBatch", Ro, Rw);
        }
    }

    public GatedShape Shape { get; }

    public object Instance { get; }

    public KerasLoader LoadKerasWeights { get; }

    /// <summary>Null for a GRU without ResetAfter, which has no PyTorch layout.</summary>
    public PyTorchLoader? LoadPyTorchWeights { get; }

    public WeightExporter ExportKerasWeights { get; }

    public Action<Stream> LoadKerasNpz { get; }

    public Action<string> LoadKerasNpzFile { get; }

    /// <summary>Null for a GRU without ResetAfter.</summary>
    public SafetensorsLoader? LoadPyTorchSafetensors { get; }

    /// <summary>Null for a GRU without ResetAfter.</summary>
    public Action<string, string>? LoadPyTorchSafetensorsFile { get; }

    public SequenceRunner Run { get; }

    /// <summary>RunBatch(inputs, outputs): N sequences, batch-major.</summary>
    public SequenceRunner RunBatch { get; }

    /// <summary>
    /// Creates an instance of <paramref name="modelType"/> and binds its members by the names and parameter types
    /// the contract fixes; a missing or differently typed member fails here.
    /// </summary>
    public static GatedUnderTest Create(Type modelType)
    {
        object instance = Activator.CreateInstance(modelType) ?? throw new InvalidOperationException($"Could not create {modelType}.");
        return new GatedUnderTest(ShapeOf(modelType), instance);
    }

    /// <summary>The shape from the generated constants, the options from the attribute.</summary>
    public static GatedShape ShapeOf(Type modelType)
    {
        if (modelType.GetCustomAttribute<GruAttribute>() is { } gru)
        {
            return new GatedShape(modelType.Name, GatedCell.Gru, Constant(modelType, "Timesteps"), Constant(modelType, "InputSize"), Constant(modelType, "OutputSize"), gru.Activation, gru.RecurrentActivation, gru.UseBias, gru.ResetAfter);
        }

        if (modelType.GetCustomAttribute<LstmAttribute>() is { } lstm)
        {
            return new GatedShape(modelType.Name, GatedCell.Lstm, Constant(modelType, "Timesteps"), Constant(modelType, "InputSize"), Constant(modelType, "OutputSize"), lstm.Activation, lstm.RecurrentActivation, lstm.UseBias, ResetAfter: false);
        }

        throw new InvalidOperationException($"{modelType} has neither [Gru] nor [Lstm].");
    }

    /// <summary>Run from the given states: a GRU's Run(inputs, outputs, initialState), an LSTM's Run(inputs, outputs, initialHidden, initialCell).</summary>
    public void RunFrom(ReadOnlySpan<float> inputs, Span<float> outputs, ReadOnlySpan<float> initialHidden, ReadOnlySpan<float> initialCell)
    {
        if (Shape.IsLstm)
        {
            _lstmRunFromStates!(inputs, outputs, initialHidden, initialCell);
        }
        else
        {
            _gruRunFromState!(inputs, outputs, initialHidden);
        }
    }

    /// <summary>A GRU's RunLast(inputs, state), an LSTM's RunLast(inputs, hidden, cell).</summary>
    public void RunLast(ReadOnlySpan<float> inputs, Span<float> hidden, Span<float> cell)
    {
        if (Shape.IsLstm)
        {
            _lstmRunLast!(inputs, hidden, cell);
        }
        else
        {
            _gruRunLast!(inputs, hidden);
        }
    }

    /// <summary>A GRU's Step(input, state), an LSTM's Step(input, hidden, cell).</summary>
    public void Step(ReadOnlySpan<float> input, Span<float> hidden, Span<float> cell)
    {
        if (Shape.IsLstm)
        {
            _lstmStep!(input, hidden, cell);
        }
        else
        {
            _gruStep!(input, hidden);
        }
    }

    /// <summary>An LSTM's RunStream(inputs, outputs, hidden, cell): every h_t, and both states carried in place.</summary>
    public void RunStream(ReadOnlySpan<float> inputs, Span<float> outputs, Span<float> hidden, Span<float> cell)
        => (_lstmRunStream ?? throw new InvalidOperationException($"{Shape.Name} is not an LSTM: only an LSTM has RunStream."))(inputs, outputs, hidden, cell);

    /// <summary>A GRU's StepBatch(inputs, states), an LSTM's StepBatch(inputs, hidden, cell).</summary>
    public void StepBatch(ReadOnlySpan<float> inputs, Span<float> hidden, Span<float> cell)
    {
        if (Shape.IsLstm)
        {
            _lstmStepBatch!(inputs, hidden, cell);
        }
        else
        {
            _gruStepBatch!(inputs, hidden);
        }
    }

    /// <summary>A GRU's RunLastBatch(inputs, states), an LSTM's RunLastBatch(inputs, hidden, cell).</summary>
    public void RunLastBatch(ReadOnlySpan<float> inputs, Span<float> hidden, Span<float> cell)
    {
        if (Shape.IsLstm)
        {
            _lstmRunLastBatch!(inputs, hidden, cell);
        }
        else
        {
            _gruRunLastBatch!(inputs, hidden);
        }
    }

    /// <summary>Loads <paramref name="weights"/> in the Keras layout.</summary>
    public void Load(GatedWeights weights) => Load(weights.Keras);

    /// <summary>Loads Keras tensors.</summary>
    public void Load(KerasTensors keras) => LoadKerasWeights(keras.Kernel, keras.RecurrentKernel, keras.Bias);

    /// <summary>Loads PyTorch tensors; fails for a layer without the PyTorch layout.</summary>
    public void Load(PyTorchTensors torch)
    {
        Assert.True(LoadPyTorchWeights is not null, $"{Shape}: no LoadPyTorchWeights.");
        LoadPyTorchWeights(torch.WeightIh, torch.WeightHh, torch.BiasIh, torch.BiasHh);
    }

    /// <summary>Reads the weights back in the Keras layout.</summary>
    public KerasTensors Export()
    {
        var exported = KerasTensors.Zero(Shape);
        ExportKerasWeights(exported.Kernel, exported.RecurrentKernel, exported.Bias);
        return exported;
    }

    /// <summary>Asserts that ExportKerasWeights returns exactly <paramref name="expected"/>.</summary>
    public void AssertHolds(KerasTensors expected, string because)
    {
        KerasTensors exported = Export();
        FloatAssert.Identical(expected.Kernel, exported.Kernel, Shape.GateRows, $"{Shape}: kernel {because}");
        FloatAssert.Identical(expected.RecurrentKernel, exported.RecurrentKernel, Shape.GateRows, $"{Shape}: recurrent kernel {because}");
        FloatAssert.Identical(expected.Bias, exported.Bias, Shape.GateRows, $"{Shape}: bias {because}");
    }

    /// <summary>Run from zero states into a new array.</summary>
    public float[] RunAll(float[] inputs)
    {
        var outputs = new float[Shape.OutputsLength];
        Run(inputs, outputs);
        return outputs;
    }

    /// <summary>Run from <paramref name="start"/> into a new array.</summary>
    public float[] RunAll(float[] inputs, GatedState start)
    {
        var outputs = new float[Shape.OutputsLength];
        RunFrom(inputs, outputs, start.Hidden, start.Cell);
        return outputs;
    }

    /// <summary>RunLast on a copy of <paramref name="start"/>, which it returns.</summary>
    public GatedState RunLastFrom(float[] inputs, GatedState start)
    {
        GatedState state = start.Copy();
        RunLast(inputs, state.Hidden, state.Cell);
        return state;
    }

    public override string ToString() => Shape.Name;

    private static int Constant(Type type, string name)
    {
        FieldInfo field = type.GetField(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type} has no public constant {name}.");
        Assert.True(field.IsLiteral, $"{type}.{name} must be a const.");
        return (int)field.GetRawConstantValue()!;
    }

    private TDelegate Bind<TDelegate>(string name, params Type[] parameterTypes)
        where TDelegate : Delegate
        => TryBind<TDelegate>(name, parameterTypes)
            ?? throw new InvalidOperationException($"{Instance.GetType()} has no public {name}({string.Join(", ", (object[])parameterTypes)}).");

    private TDelegate? TryBind<TDelegate>(string name, params Type[] parameterTypes)
        where TDelegate : Delegate
        => Instance.GetType().GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameterTypes)?.CreateDelegate<TDelegate>(Instance);
}
