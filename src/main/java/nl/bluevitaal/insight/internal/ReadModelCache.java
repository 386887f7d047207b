package nl.bluevitaal.insight.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What insight computed from the read model, kept per node for the {@link ReadModelVersion} it was computed at (a
 * unit's figures for their unit's): the figures of a unit are computed once per change in it, not once per reader (at national scale a unit's page is a few
 * hundred milliseconds of queries and secondary suppression). Never the access check or the audit: those happen on
 * every read, before the cache is asked. Bounded (least recently used out first) and, as a second line should a raise
 * of the version be lost (a node stopping between its commit and the raise), no entry older than {@code keep}.
 */
@Component
public class ReadModelCache {

  private final ReadModelVersion version;
  private final int size;
  private final long keepNanos;
  private final Map<Object, Entry> entries;

  ReadModelCache(ReadModelVersion version, @Value("${bluevitaal.insight.cache-entries:200}") int size,
      @Value("${bluevitaal.insight.cache-keep:PT10M}") Duration keep) {
    this.version = version;
    this.size = size;
    this.keepNanos = keep.toNanos();
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
        return size() > ReadModelCache.this.size;
      }
    };
  }

  private record Entry(ReadModelVersion.Stamp version, long at, Object value) {
  }

  /** What spans units (the list of units, the model's heatmap): kept for the whole read model's version. */
  public <V> V get(Object key, Supplier<V> compute) {
    return get(null, key, compute);
  }

  /** The value kept for this key at the unit's current version (null: the whole read model's), or computed now. */
  @SuppressWarnings("unchecked")
  public <V> V get(String unit, Object key, Supplier<V> compute) {
    if (size <= 0) {
      return compute.get();
    }
    // Read before computing: a change committed after this read raises the version, so what is computed now is never
    // kept under a version newer than the rows it read.
    ReadModelVersion.Stamp now = version.current(unit);
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null && entry.version().equals(now) && System.nanoTime() - entry.at() < keepNanos) {
        return (V) entry.value();
      }
    }
    V value = compute.get();
    synchronized (entries) {
      entries.put(key, new Entry(now, System.nanoTime(), value));
    }
    return value;
  }
}
