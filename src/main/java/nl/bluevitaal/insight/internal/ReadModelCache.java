package nl.bluevitaal.insight.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What insight computed from the read model, kept per node for the {@link ReadModelVersion} it was computed at (a
 * unit's figures for their unit's): the figures of a unit are computed once per change in it, not once per reader
 * (at national scale a unit's page is a few hundred milliseconds of queries and secondary suppression). Never the
 * access check or the audit: those happen on every read, before the cache is asked. Bounded (least recently used out
 * first) and, as a second line should a raise of the version be lost (a node stopping between its commit and the
 * raise), computed again once it is older than {@code keep}.
 *
 * <p>After a change, a reader gets what was kept (if younger than {@code keep}) while the new value is computed in
 * the background, once however many ask ({@code serve-while-computing}, on by default): figures of a unit are at most
 * one change behind for the moment that takes, and nobody waits for the gate after every step of every case. A value
 * at the current version is served as long as it is kept: past half its keep it is computed again in the background
 * (a unit read every few minutes never waits), and past its keep as well (a unit nobody read for a while, with no
 * change since, does not wait either; a lost raise shows for {@code keep} and one read at most). A value never
 * computed on this node, or older than {@code keep} with a change since, is computed while the reader waits. The
 * tests that read a figure right after changing its rows switch it off; {@code ReadModelCacheServingTest} covers it
 * on.
 *
 * <p>So that the last case is rare, what was read within {@code refresh-after-read} (an hour) is computed again in
 * the background once it is older than half its keep ({@link #refreshRead}, every minute), and so is never older
 * than the keep: without it, the first reader of a unit that changed while nobody read it for longer than the keep (a
 * manager back from lunch) waited for the gate, some 330 ms at national scale. Now only the first reader after an
 * hour in which nobody on this node read those figures does.
 */
@Component
public class ReadModelCache {

  private static final Logger log = LoggerFactory.getLogger(ReadModelCache.class);
  /** An entry's {@code read} when no reader got it yet. */
  private static final long NEVER = Long.MIN_VALUE;

  private final ReadModelVersion version;
  private final int size;
  private final long keepNanos;
  private final boolean serveWhileComputing;
  private final long refreshAfterReadNanos;
  private final Map<Object, Entry> entries;
  private final Set<Object> computing = new HashSet<>();
  private final ThreadPoolExecutor background;

  ReadModelCache(ReadModelVersion version, @Value("${bluevitaal.insight.cache-entries:200}") int size,
      @Value("${bluevitaal.insight.cache-keep:PT10M}") Duration keep,
      @Value("${bluevitaal.insight.cache-serve-while-computing:true}") boolean serveWhileComputing,
      @Value("${bluevitaal.insight.cache-refresh-after-read:PT1H}") Duration refreshAfterRead) {
    this.version = version;
    this.size = size;
    this.keepNanos = keep.toNanos();
    this.serveWhileComputing = serveWhileComputing;
    this.refreshAfterReadNanos = refreshAfterRead.toNanos();
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
        return size() > ReadModelCache.this.size;
      }
    };
    // One thread: what it computes is the same work a reader would otherwise do, never more at once than one
    // reader's; a full queue means the reader computes it itself.
    this.background = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(32), runnable -> {
      Thread thread = new Thread(runnable, "insight-cache");
      thread.setDaemon(true);
      return thread;
    });
    this.background.allowCoreThreadTimeOut(true);
  }

  /**
   * A kept value, the version and the moment it was computed at, what computes it again for the unit it was asked
   * for, and when a reader last got it ({@code read}: a computation again is no read).
   */
  private static final class Entry {
    final ReadModelVersion.Stamp version;
    final long at;
    final Object value;
    final String unit;
    final Supplier<?> compute;
    /** Guarded by {@code entries}, as the map. */
    long read;

    Entry(ReadModelVersion.Stamp version, long at, Object value, String unit, Supplier<?> compute, long read) {
      this.version = version;
      this.at = at;
      this.value = value;
      this.unit = unit;
      this.compute = compute;
      this.read = read;
    }
  }

  /** What spans units (the list of units, the model's heatmap): kept for the whole read model's version. */
  public <V> V get(Object key, Supplier<V> compute) {
    return get(null, key, compute);
  }

  /** The value kept for this key at the unit's current version (null: the whole read model's), or computed now. */
  public <V> V get(String unit, Object key, Supplier<V> compute) {
    return get(unit, key, compute, serveWhileComputing);
  }

  /**
   * As {@link #get(String, Object, Supplier)}, but never what was kept for an older version: for a value that others
   * are computed from and kept under a version read before it.
   */
  public <V> V getFresh(String unit, Object key, Supplier<V> compute) {
    return get(unit, key, compute, false);
  }

  @SuppressWarnings("unchecked")
  private <V> V get(String unit, Object key, Supplier<V> compute, boolean serveKept) {
    if (size <= 0) {
      return compute.get();
    }
    // Read before computing: a change committed after this read raises the version, so what is computed now is never
    // kept under a version newer than the rows it read.
    ReadModelVersion.Stamp now = version.current(unit);
    Entry stale;
    boolean start;
    synchronized (entries) {
      Entry entry = entries.get(key);
      long at = System.nanoTime();
      long age = entry == null ? Long.MAX_VALUE : at - entry.at;
      boolean current = entry != null && entry.version.equals(now);
      // Without serving while computing (a value others are computed from) a current value is good for its keep.
      if (current && age < (serveKept ? keepNanos / 2 : keepNanos)) {
        entry.read = at;
        return (V) entry.value;
      }
      stale = serveKept && (current || age < keepNanos) ? entry : null;
      start = stale != null && computing.add(key);
      if (stale != null) {
        stale.read = at;
      }
    }
    if (stale != null) {
      if (!start || computeInBackground(key, unit, now, compute)) {
        return (V) stale.value;
      }
    }
    V value = compute.get();
    keep(key, unit, now, compute, value, System.nanoTime());
    return value;
  }

  /**
   * Every minute: what readers got within {@code refresh-after-read} and is older than half its keep is computed again
   * in the background, so it never gets older than the keep and its next reader gets it at once, whether its unit
   * changed meanwhile or not (a change just before the read included). What nobody read for longer is left to its
   * next reader (and to the least recently used rule).
   */
  @Scheduled(fixedDelayString = "${bluevitaal.insight.cache-refresh-every:PT1M}",
      initialDelayString = "${bluevitaal.insight.cache-refresh-every:PT1M}")
  void refreshRead() {
    if (size <= 0 || !serveWhileComputing || refreshAfterReadNanos <= 0) {
      return;
    }
    long now = System.nanoTime();
    List<Map.Entry<Object, Entry>> read = new ArrayList<>();
    synchronized (entries) {
      // Iterating leaves the least recently used order as the readers made it.
      for (Map.Entry<Object, Entry> kept : entries.entrySet()) {
        Entry entry = kept.getValue();
        if (entry.read != NEVER && now - entry.read < refreshAfterReadNanos && now - entry.at >= keepNanos / 2) {
          read.add(Map.entry(kept.getKey(), entry));
        }
      }
    }
    // Read before computing, as a reader does; once per unit for the whole round.
    Map<String, ReadModelVersion.Stamp> stamps = new HashMap<>();
    for (Map.Entry<Object, Entry> kept : read) {
      Entry entry = kept.getValue();
      ReadModelVersion.Stamp current = stamps.computeIfAbsent(entry.unit, version::current);
      boolean start;
      synchronized (entries) {
        start = computing.add(kept.getKey());
      }
      if (start) {
        computeInBackground(kept.getKey(), entry.unit, current, entry.compute);
      }
    }
  }

  private boolean computeInBackground(Object key, String unit, ReadModelVersion.Stamp now, Supplier<?> compute) {
    long asked = System.nanoTime();
    try {
      background.execute(() -> {
        try {
          // Another value's computation may have computed this one meanwhile (figures read their unit's release).
          synchronized (entries) {
            Entry kept = entries.get(key);
            if (kept != null && kept.version.equals(now) && kept.at - asked > 0) {
              return;
            }
          }
          keep(key, unit, now, compute, compute.get(), NEVER);
        } catch (RuntimeException e) {
          // The kept value stays what readers get; the next reader tries again.
          log.warn("Insight: computing {} again failed", key, e);
        } finally {
          synchronized (entries) {
            computing.remove(key);
          }
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      synchronized (entries) {
        computing.remove(key);
      }
      return false;
    }
  }

  /** Keeps a value computed at a version; {@code read}: when a reader got it ({@link #NEVER}: none waited for it). */
  private void keep(Object key, String unit, ReadModelVersion.Stamp now, Supplier<?> compute, Object value,
      long read) {
    synchronized (entries) {
      Entry kept = entries.get(key);
      // A slower computation of an older version never replaces a newer one.
      if (kept == null || !Objects.equals(kept.version.unit(), now.unit())
          || kept.version.version() <= now.version()) {
        long lastRead = kept == null ? read : Math.max(kept.read, read);
        entries.put(key, new Entry(now, System.nanoTime(), value, unit, compute, lastRead));
      }
    }
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }
}
