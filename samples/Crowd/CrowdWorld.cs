using System;
using System.Numerics;

namespace Crowd;

/// <summary>
/// The agents' bodies: where each one is, how it moves and where it is heading. A frame is
/// <see cref="Sense"/> (the world into the policy's inputs), the policy step (outside this class, so that the
/// ways of stepping can be compared), then <see cref="Act"/> (the new states, through the head, into motion).
/// Nothing is allocated per frame.
/// </summary>
public sealed class CrowdWorld
{
    private readonly Vector2[] positions;
    private readonly Vector2[] velocities;
    private readonly Vector2[] targets;
    private readonly NeighbourGrid grid;
    private readonly Random random;

    public CrowdWorld(int agentCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agentCount);
        random = new Random(seed);
        positions = new Vector2[agentCount];
        velocities = new Vector2[agentCount];
        targets = new Vector2[agentCount];
        grid = new NeighbourGrid(agentCount, Arena.HalfSize, Arena.SensingRadius);
        for (int agent = 0; agent < agentCount; agent++)
        {
            positions[agent] = RandomPoint();
            targets[agent] = RandomPoint();
        }
    }

    public int AgentCount => positions.Length;

    /// <summary>How many times an agent has reached its target (and been given a new one) so far.</summary>
    public int TargetsReached { get; private set; }

    /// <summary>Writes every agent's <see cref="AgentSenses"/>, N×8, batch-major.</summary>
    public void Sense(Span<float> inputs)
    {
        if (inputs.Length != AgentCount * AgentSenses.Count)
        {
            throw new ArgumentException($"Expected {AgentCount} × {AgentSenses.Count} inputs, got {inputs.Length}.", nameof(inputs));
        }

        grid.Build(positions);
        for (int agent = 0; agent < AgentCount; agent++)
        {
            int nearest = grid.FindNearest(agent, positions);
            Vector2? neighbour = nearest >= 0 ? positions[nearest] : null;
            AgentSenses.Write(positions[agent], velocities[agent], targets[agent], neighbour, inputs.Slice(agent * AgentSenses.Count, AgentSenses.Count));
        }
    }

    /// <summary>Moves every agent one frame as its new state (N×32, batch-major) steers it.</summary>
    public void Act(ReadOnlySpan<float> states)
    {
        const int Units = CrowdPolicy.OutputSize;
        if (states.Length != AgentCount * Units)
        {
            throw new ArgumentException($"Expected {AgentCount} × {Units} state floats, got {states.Length}.", nameof(states));
        }

        for (int agent = 0; agent < AgentCount; agent++)
        {
            Vector2 velocity = velocities[agent] + (SteeringHead.Acceleration(states.Slice(agent * Units, Units)) * Arena.FrameSeconds);
            float speed = velocity.Length();
            if (speed > Arena.MaxSpeed)
            {
                velocity *= Arena.MaxSpeed / speed;
            }

            Vector2 position = positions[agent] + (velocity * Arena.FrameSeconds);
            (position.X, velocity.X) = BounceOffWalls(position.X, velocity.X);
            (position.Y, velocity.Y) = BounceOffWalls(position.Y, velocity.Y);
            positions[agent] = position;
            velocities[agent] = velocity;

            if (Vector2.Distance(position, targets[agent]) < Arena.TargetReachedDistance)
            {
                targets[agent] = RandomPoint();
                TargetsReached++;
            }
        }
    }

    /// <summary>Mirrors a step that went through a wall back inside; one frame moves far less than the arena's width.</summary>
    private static (float Position, float Velocity) BounceOffWalls(float position, float velocity) =>
        position > Arena.HalfSize ? ((2 * Arena.HalfSize) - position, -velocity)
        : position < -Arena.HalfSize ? ((-2 * Arena.HalfSize) - position, -velocity)
        : (position, velocity);

    private Vector2 RandomPoint() =>
        new(Arena.HalfSize * ((2 * random.NextSingle()) - 1), Arena.HalfSize * ((2 * random.NextSingle()) - 1));
}
