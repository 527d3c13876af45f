namespace Rectification.Application.Messaging;

/// <summary>
/// A property that must never be written down: the audit payload leaves it out, and the plain-text rule does not apply to it
/// (a password may hold any character).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class SecretAttribute : Attribute;
