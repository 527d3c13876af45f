namespace Rectification.Domain.Auditing;

/// <summary>
/// Marks an entity outside the domain model (an Identity account) whose changes the audit records like the domain's own, less
/// the named properties, which hold secrets (a password hash) or churn that says nothing (a concurrency stamp).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedEntityAttribute(params string[] unrecorded) : Attribute
{
    public IReadOnlySet<string> Unrecorded { get; } = new HashSet<string>(unrecorded, StringComparer.Ordinal);
}
