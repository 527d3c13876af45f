using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Rectification.Bench;

/// <summary>
/// Peak memory of one measured phase. The process peak (VmHWM, what <see cref="System.Diagnostics.Process.PeakWorkingSet64"/>
/// reads on Linux) is reset through /proc/self/clear_refs at the start, so the load before does not count; a
/// sampler thread also records the largest resident set and managed heap it sees every 5 ms.
/// </summary>
internal sealed class MemoryProbe : IDisposable
{
    private readonly Thread sampler;
    private readonly long allocatedAtStart;
    private readonly int gen2AtStart;
    private volatile bool stopped;

    private MemoryProbe()
    {
        Settle();
        BaselineRss = ReadRss();
        PeakReset = TryResetPeak();
        allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        gen2AtStart = GC.CollectionCount(2);
        MaxSampledRss = BaselineRss;
        sampler = new Thread(Sample) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        sampler.Start();
    }

    public long BaselineRss { get; }
    public bool PeakReset { get; }
    public long MaxSampledRss { get; private set; }
    public long MaxManagedHeap { get; private set; }
    public long PeakRss { get; private set; }
    public long Allocated { get; private set; }
    public int Gen2Collections { get; private set; }

    public static MemoryProbe Start() => new();

    public void Stop()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        sampler.Join();
        Allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        Gen2Collections = GC.CollectionCount(2) - gen2AtStart;
        var hwm = ReadStatusKb("VmHWM:") * 1024;
        PeakRss = PeakReset ? Math.Max(hwm, MaxSampledRss) : MaxSampledRss;
    }

    public void Dispose() => Stop();

    /// <summary>Full blocking compacting collection, so that garbage left by the load is not counted as the sweep's.</summary>
    public static void Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        // Native memory freed by SQLite (the load's page cache) stays resident in glibc's arenas until trimmed.
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    public static long ReadRss()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException)
        {
            return Environment.WorkingSet;
        }
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long ReadStatusKb(string key)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Sample()
    {
        while (!stopped)
        {
            MaxSampledRss = Math.Max(MaxSampledRss, ReadRss());
            MaxManagedHeap = Math.Max(MaxManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
            Thread.Sleep(5);
        }
    }
}
