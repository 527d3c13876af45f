namespace Rectification.Application.Abstractions;

/// <summary>How a sign-in attempt ended; the audit entry of the attempt keeps it as its trigger.</summary>
public enum SignInOutcome { Succeeded, Failed, LockedOut, NotAllowed, UnknownExternalUser, Disabled }
