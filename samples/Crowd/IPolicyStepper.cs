namespace Crowd;

/// <summary>
/// One way of advancing every agent's policy state by one frame: inputs N×8 in, states N×32 updated in place,
/// both batch-major. The three ways compared all give the same states; they differ in what a frame costs.
/// </summary>
public interface IPolicyStepper
{
    string Description { get; }

    void Advance(float[] inputs, float[] states);
}
