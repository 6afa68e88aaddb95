using System;
using System.Numerics;

namespace Crowd;

/// <summary>
/// Finds each agent's nearest neighbour within sensing range without comparing every pair: agents are sorted
/// into square cells as wide as the range, so only the 3×3 cells around an agent can hold a neighbour it sees.
/// Rebuilt every frame by counting sort into arrays sized once, so it allocates nothing.
/// </summary>
public sealed class NeighbourGrid
{
    private readonly int cellsPerSide;
    private readonly float cellSize;
    private readonly float radius;
    // Cell c's agents are agentsByCell[cellStart[c]..cellStart[c + 1]].
    private readonly int[] cellStart;
    private readonly int[] agentCell;
    private readonly int[] agentsByCell;

    public NeighbourGrid(int agentCount, float halfSize, float radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agentCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        this.radius = radius;
        cellSize = radius;
        cellsPerSide = (int)MathF.Ceiling(2 * halfSize / radius);
        cellStart = new int[(cellsPerSide * cellsPerSide) + 1];
        agentCell = new int[agentCount];
        agentsByCell = new int[agentCount];
    }

    public void Build(ReadOnlySpan<Vector2> positions)
    {
        if (positions.Length != agentCell.Length)
        {
            throw new ArgumentException($"Expected {agentCell.Length} positions, got {positions.Length}.", nameof(positions));
        }

        // Counting sort: count each cell's agents, turn the counts into each cell's end, then place the agents
        // counting each end down, which leaves every cellStart at its cell's start.
        Array.Clear(cellStart);
        for (int agent = 0; agent < positions.Length; agent++)
        {
            int cell = CellOf(positions[agent]);
            agentCell[agent] = cell;
            cellStart[cell]++;
        }

        for (int cell = 1; cell < cellStart.Length - 1; cell++)
        {
            cellStart[cell] += cellStart[cell - 1];
        }

        cellStart[^1] = positions.Length;
        for (int agent = positions.Length - 1; agent >= 0; agent--)
        {
            agentsByCell[--cellStart[agentCell[agent]]] = agent;
        }
    }

    /// <summary>The index of the nearest other agent within range of <paramref name="agent"/>, or -1 if none.</summary>
    public int FindNearest(int agent, ReadOnlySpan<Vector2> positions)
    {
        Vector2 position = positions[agent];
        int column = agentCell[agent] % cellsPerSide;
        int row = agentCell[agent] / cellsPerSide;
        int nearest = -1;
        float nearestSquared = radius * radius;
        for (int r = Math.Max(row - 1, 0); r <= Math.Min(row + 1, cellsPerSide - 1); r++)
        {
            for (int c = Math.Max(column - 1, 0); c <= Math.Min(column + 1, cellsPerSide - 1); c++)
            {
                int cell = (r * cellsPerSide) + c;
                for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++)
                {
                    int other = agentsByCell[i];
                    float distanceSquared = Vector2.DistanceSquared(position, positions[other]);
                    if (other != agent && distanceSquared < nearestSquared)
                    {
                        nearest = other;
                        nearestSquared = distanceSquared;
                    }
                }
            }
        }

        return nearest;
    }

    private int CellOf(Vector2 position)
    {
        float half = cellsPerSide * cellSize / 2;
        int column = Math.Clamp((int)((position.X + half) / cellSize), 0, cellsPerSide - 1);
        int row = Math.Clamp((int)((position.Y + half) / cellSize), 0, cellsPerSide - 1);
        return (row * cellsPerSide) + column;
    }
}
