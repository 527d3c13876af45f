namespace Rectification.Application.Abstractions;

/// <summary>Recognizes provider errors that mean "someone else got there first" (a unique key taken in a race).</summary>
public interface IDatabaseErrors
{
    bool IsUniqueViolation(Exception exception);

    /// <summary>The server chose this transaction as a deadlock victim; it was rolled back and may simply be tried again.</summary>
    bool IsDeadlock(Exception exception);
}
