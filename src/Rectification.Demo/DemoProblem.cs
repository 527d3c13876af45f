using Rectification.Application.Problems;
using Rectification.Domain.Problems;

namespace Rectification.Demo;

/// <summary>What the demo knows of a problem it registered, kept from the commands' answers so it need not read the problem back.</summary>
internal sealed class DemoProblem(Guid id, string code, string category, Severity severity, DateTime registeredAt, bool raisedDuringInspection)
{
    public Guid Id => id;
    public string Code => code;
    public string Category => category;
    public Severity Severity => severity;
    public DateTime RegisteredAt => registeredAt;
    public bool RaisedDuringInspection => raisedDuringInspection;
    public string State { get; private set; } = ProblemStates.Registered;
    public DateTime? FedBackAt { get; private set; }
    public DateOnly? Deadline { get; private set; }

    public void FedBack(DateTime at)
    {
        State = ProblemStates.FedBack;
        FedBackAt = at;
    }

    public void Update(ProblemSummary summary)
    {
        State = summary.State;
        Deadline = summary.Deadline;
    }

    /// <summary>Accepting the plan starts rectification on the line's terms (AcceptPlan does it for every covered problem).</summary>
    public void Started(DateOnly deadline)
    {
        State = ProblemStates.Rectifying;
        Deadline = deadline;
    }
}
