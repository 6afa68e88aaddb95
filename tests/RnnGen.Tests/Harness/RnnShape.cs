namespace RnnGen.Tests.Harness;

/// <summary>The shape and options of one generated class, and the span lengths its members take.</summary>
public sealed record RnnShape(string Name, int Timesteps, int Input, int Output, RnnActivation Activation, bool UseBias)
{
    /// <summary>Length of <c>inputs</c> for Run and RunLast: T×I.</summary>
    public int InputsLength => Timesteps * Input;

    /// <summary>Length of <c>outputs</c> for Run: T×O.</summary>
    public int OutputsLength => Timesteps * Output;

    /// <summary>Length of W (and of the Keras kernel): O×I.</summary>
    public int WLength => Output * Input;

    /// <summary>Length of U (and of the Keras recurrent kernel): O×O.</summary>
    public int ULength => Output * Output;

    public override string ToString() => Name;
}
