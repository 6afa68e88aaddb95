using System;
using System.Numerics;

namespace Crowd;

/// <summary>
/// What an agent feeds the policy each frame, 8 numbers, each scaled to about -1..1 so that no input swamps the
/// others: where its target is, how it is moving, where its nearest neighbour is, and how close the walls are.
/// training/train.py computes the same inputs in its own simulation; change both together.
/// </summary>
public static class AgentSenses
{
    public const int Count = 8;

    public static void Write(Vector2 position, Vector2 velocity, Vector2 target, Vector2? nearestNeighbour, Span<float> input)
    {
        if (input.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} inputs, got {input.Length}.", nameof(input));
        }

        Vector2 toTarget = TargetSignal(position, target);
        Vector2 motion = velocity / Arena.MaxSpeed;
        Vector2 neighbour = NeighbourSignal(position, nearestNeighbour);
        // The position itself tells how close the walls are: ±1 is touching the wall on that axis.
        Vector2 walls = position / Arena.HalfSize;

        input[0] = toTarget.X;
        input[1] = toTarget.Y;
        input[2] = motion.X;
        input[3] = motion.Y;
        input[4] = neighbour.X;
        input[5] = neighbour.Y;
        input[6] = walls.X;
        input[7] = walls.Y;
    }

    /// <summary>
    /// The direction to the target, scaled down to 0 over the last <see cref="Arena.ArrivalRadius"/>: the velocity,
    /// in units of the top speed, that would take the agent there and slow it down on arrival.
    /// </summary>
    private static Vector2 TargetSignal(Vector2 position, Vector2 target)
    {
        Vector2 offset = target - position;
        float distance = offset.Length();
        return distance == 0f ? Vector2.Zero : offset / distance * MathF.Min(1f, distance / Arena.ArrivalRadius);
    }

    /// <summary>
    /// The direction to the nearest neighbour, scaled by closeness: length 1 when touching, fading to 0 at the edge
    /// of sensing range. No neighbour in range and one at the very edge read the same, so the input has no jump.
    /// </summary>
    private static Vector2 NeighbourSignal(Vector2 position, Vector2? nearestNeighbour)
    {
        if (nearestNeighbour is not Vector2 neighbour)
        {
            return Vector2.Zero;
        }

        Vector2 offset = neighbour - position;
        float distance = offset.Length();
        if (distance == 0f || distance >= Arena.SensingRadius)
        {
            return Vector2.Zero;
        }

        return offset / distance * (1f - (distance / Arena.SensingRadius));
    }
}
