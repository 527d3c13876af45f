namespace Rectification.Domain.Common;

/// <summary>
/// An aggregate guarded by optimistic concurrency. The version is application-managed because SQLite
/// has no database-generated row version; the DbContext increments it on every save.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
