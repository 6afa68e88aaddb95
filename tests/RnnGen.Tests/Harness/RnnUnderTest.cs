using System;
using System.IO;
using System.Reflection;

namespace RnnGen.Tests.Harness;

// Spans cannot be type arguments of Action<>, so every generated signature gets its own delegate type.
public delegate void SeedLoader(ReadOnlySpan<float> w, ReadOnlySpan<float> u, ReadOnlySpan<float> b);

public delegate void KerasLoader(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias);

public delegate void PyTorchLoader(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh);

public delegate void SafetensorsLoader(Stream stream, string prefix);

public delegate void WeightExporter(Span<float> w, Span<float> u, Span<float> b);

public delegate void SequenceRunner(ReadOnlySpan<float> inputs, Span<float> outputs);

public delegate void SequenceRunnerFromState(ReadOnlySpan<float> inputs, Span<float> outputs, ReadOnlySpan<float> initialState);

public delegate void StateAdvancer(ReadOnlySpan<float> input, Span<float> state);

/// <summary>
/// One new instance of a generated class, seen through delegates bound to its generated members. The generated
/// classes share no interface, so this is the single place where a test reaches them without naming the class.
/// </summary>
public sealed record RnnUnderTest(
    RnnShape Shape,
    object Instance,
    SeedLoader LoadWeights,
    KerasLoader LoadKerasWeights,
    PyTorchLoader LoadPyTorchWeights,
    SafetensorsLoader LoadPyTorchSafetensors,
    WeightExporter ExportWeights,
    SequenceRunner Run,
    SequenceRunnerFromState RunFromState,
    StateAdvancer RunLast,
    StateAdvancer Step,
    StateAdvancer StepBatch,
    SequenceRunner RunBatch,
    StateAdvancer RunLastBatch)
{
    /// <summary>
    /// Creates an instance of <paramref name="modelType"/> and binds its members by the names and parameter
    /// types the contract fixes; a missing or differently typed member fails here.
    /// </summary>
    public static RnnUnderTest Create(string name, Type modelType)
    {
        SimpleRnnAttribute attribute = modelType.GetCustomAttribute<SimpleRnnAttribute>()
            ?? throw new InvalidOperationException($"{modelType} has no [SimpleRnn].");
        var shape = new RnnShape(
            name,
            Constant(modelType, "Timesteps"),
            Constant(modelType, "InputSize"),
            Constant(modelType, "OutputSize"),
            attribute.Activation,
            attribute.UseBias);

        object instance = Activator.CreateInstance(modelType)
            ?? throw new InvalidOperationException($"Could not create {modelType}.");
        Type ro = typeof(ReadOnlySpan<float>);
        Type rw = typeof(Span<float>);
        return new RnnUnderTest(
            shape,
            instance,
            Bind<SeedLoader>(instance, "LoadWeights", ro, ro, ro),
            Bind<KerasLoader>(instance, "LoadKerasWeights", ro, ro, ro),
            Bind<PyTorchLoader>(instance, "LoadPyTorchWeights", ro, ro, ro, ro),
            Bind<SafetensorsLoader>(instance, "LoadPyTorchSafetensors", typeof(Stream), typeof(string)),
            Bind<WeightExporter>(instance, "ExportWeights", rw, rw, rw),
            Bind<SequenceRunner>(instance, "Run", ro, rw),
            Bind<SequenceRunnerFromState>(instance, "Run", ro, rw, ro),
            Bind<StateAdvancer>(instance, "RunLast", ro, rw),
            Bind<StateAdvancer>(instance, "Step", ro, rw),
            Bind<StateAdvancer>(instance, "StepBatch", ro, rw),
            Bind<SequenceRunner>(instance, "RunBatch", ro, rw),
            Bind<StateAdvancer>(instance, "RunLastBatch", ro, rw));
    }

    /// <summary>Loads <paramref name="weights"/> in the seed layout.</summary>
    public void Load(WeightSet weights) => LoadWeights(weights.W, weights.U, weights.B);

    /// <summary>Reads the weights back in the seed layout.</summary>
    public (float[] W, float[] U, float[] B) Export()
    {
        var w = new float[Shape.WLength];
        var u = new float[Shape.ULength];
        var b = new float[Shape.Output];
        ExportWeights(w, u, b);
        return (w, u, b);
    }

    /// <summary>Asserts that ExportWeights returns exactly <paramref name="expected"/>.</summary>
    public void AssertHolds(WeightSet expected, string because)
    {
        (float[] w, float[] u, float[] b) = Export();
        FloatAssert.Identical(expected.W, w, Shape.Input, $"{Shape}: W {because}");
        FloatAssert.Identical(expected.U, u, Shape.Output, $"{Shape}: U {because}");
        FloatAssert.Identical(expected.B, b, Shape.Output, $"{Shape}: b {because}");
    }

    /// <summary>Run from a zero state into a new array.</summary>
    public float[] RunAll(float[] inputs)
    {
        var outputs = new float[Shape.OutputsLength];
        Run(inputs, outputs);
        return outputs;
    }

    /// <summary>Run from <paramref name="initialState"/> into a new array.</summary>
    public float[] RunAll(float[] inputs, float[] initialState)
    {
        var outputs = new float[Shape.OutputsLength];
        RunFromState(inputs, outputs, initialState);
        return outputs;
    }

    public override string ToString() => Shape.Name;

    private static int Constant(Type type, string name)
    {
        FieldInfo field = type.GetField(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type} has no public constant {name}.");
        Assert.True(field.IsLiteral, $"{type}.{name} must be a const.");
        return (int)field.GetRawConstantValue()!;
    }

    private static TDelegate Bind<TDelegate>(object instance, string name, params Type[] parameterTypes)
        where TDelegate : Delegate
    {
        MethodInfo method = instance.GetType().GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new InvalidOperationException($"{instance.GetType()} has no public {name}({string.Join(", ", (object[])parameterTypes)}).");
        return method.CreateDelegate<TDelegate>(instance);
    }
}
