package nl.bluevitaal.insight.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model's version, shared by every node through the database: the whole read model's (V43) and each unit's
 * (V44), raised after the transactions that changed insight's rows have committed, so that a figure kept for the
 * version before is never served again. A unit's figures are kept for its unit's version: a step in one unit leaves
 * what every node keeps for the other units as it is (at national scale some step happens every minute somewhere).
 * Raised after the commit, in a transaction of its own: raised inside, a reader could read the new version before the
 * rows it stands for are visible, and keep old figures under it; and the rows would stay locked for the whole
 * recording transaction, making every step of every case wait for the others'.
 *
 * <p>Raised once for all the changes a node committed within {@code version-raise-delay} (half a second by default),
 * not once per transaction: every step and every timer of every case changes insight's rows, and a raise of its own
 * after each was one more transaction for each of them (four round trips, and an update of the one row of the whole
 * read model's version that every job of every node updated). Before it reads a version, a node raises
 * what it committed itself: whoever changes a case and then reads a figure on the same node sees their change counted.
 * Another node may serve its kept figure for up to that delay after the change; {@code PT0S} raises after each commit.
 */
@Component
public class ReadModelVersion {

  private static final Logger log = LoggerFactory.getLogger(ReadModelVersion.class);
  private static final Object CHANGES = new Object();
  /** More changed cases than this in one transaction (a demo load, a large import): every unit is raised. */
  private static final int CASES_NAMED = 500;

  /** What one kept value was computed at: a unit's version, or (unit null) the whole read model's. */
  public record Stamp(String unit, long version) {
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Duration raiseDelay;
  private final ScheduledExecutorService raiser;
  /** Held while a node's committed changes are raised: a reader of this node waits for a raise under way. */
  private final ReentrantLock raising = new ReentrantLock();
  /** This node's committed changes not raised yet (null: none); guarded by {@code this}. */
  private Changes committed;

  ReadModelVersion(JdbcClient jdbc, PlatformTransactionManager transactions,
      @Value("${bluevitaal.insight.version-raise-delay:PT0.5S}") Duration raiseDelay) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.raiseDelay = raiseDelay;
    this.raiser = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "insight-version");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The whole read model's version. */
  public long current() {
    raiseCommitted();
    return jdbc.sql("select version from insight_version where id = 1").query(Long.class).single();
  }

  /** The version a unit's figures are kept for; null: what spans units (the list of units, the model's heatmap). */
  public Stamp current(String unit) {
    raiseCommitted();
    if (unit != null) {
      List<Long> version = jdbc.sql("select version from insight_unit_version where unit = :u").param("u", unit)
          .query(Long.class).list();
      if (!version.isEmpty()) {
        return new Stamp(unit, version.get(0));
      }
    }
    return new Stamp(null, current());
  }

  /** A case's rows change in the current transaction (or just changed, outside one). */
  public void changed(UUID caseId) {
    record(changes -> changes.cases.add(caseId));
  }

  /** A case was opened: its unit may be new, and get its own version. */
  public void opened(UUID caseId) {
    record(changes -> {
      changes.cases.add(caseId);
      changes.opened = true;
    });
  }

  /** What a unit's figures read besides its cases changes (its population). */
  public void changedUnit(String unit) {
    record(changes -> changes.units.add(unit));
  }

  /** Everything may change (a rebuild). */
  public void changed() {
    record(changes -> changes.all = true);
  }

  private static final class Changes {
    final Set<UUID> cases = new HashSet<>();
    final Set<String> units = new HashSet<>();
    boolean opened;
    boolean all;

    void add(Changes more) {
      cases.addAll(more.cases);
      units.addAll(more.units);
      opened |= more.opened;
      all |= more.all;
    }
  }

  /** Collected per transaction, raised once after its commit; outside a transaction raised at once. */
  private void record(Consumer<Changes> change) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      Changes now = new Changes();
      change.accept(now);
      raise(now);
      return;
    }
    Changes pending = (Changes) TransactionSynchronizationManager.getResource(CHANGES);
    if (pending == null) {
      Changes made = new Changes();
      TransactionSynchronizationManager.bindResource(CHANGES, made);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          committed(made);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CHANGES);
        }
      });
      pending = made;
    }
    change.accept(pending);
  }

  /** A transaction's changes, committed: raised with the others of the next {@code raiseDelay}. */
  private void committed(Changes changes) {
    if (raiseDelay.isZero()) {
      raiseSafely(changes);
      return;
    }
    synchronized (this) {
      if (committed != null) {
        committed.add(changes);
        return;
      }
      committed = changes;
    }
    try {
      raiser.schedule(this::raiseCommitted, raiseDelay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The node is stopping: raised now, not lost.
      raiseCommitted();
    }
  }

  /** Raises what this node committed and has not raised yet; waits for a raise already under way. */
  void raiseCommitted() {
    synchronized (this) {
      if (committed == null && !raising.isLocked()) {
        return;
      }
    }
    raising.lock();
    try {
      Changes changes;
      synchronized (this) {
        changes = committed;
        committed = null;
      }
      if (changes != null) {
        raiseSafely(changes);
      }
    } finally {
      raising.unlock();
    }
  }

  private void raiseSafely(Changes changes) {
    try {
      raise(changes);
    } catch (RuntimeException e) {
      // The changes are committed; their callers must not hear otherwise. Kept figures expire on their own
      // (ReadModelCache's keep), and the next change raises the version past this one.
      log.warn("Insight: the read model's version was not raised after a change", e);
    }
  }

  private void raise(Changes changes) {
    boolean all = changes.all || changes.cases.size() > CASES_NAMED;
    if (changes.opened || all) {
      unitsOwnVersions(all ? null : changes.cases);
    }
    ownTransaction.executeWithoutResult(status -> {
      jdbc.sql("update insight_version set version = version + 1 where id = 1").update();
      if (all) {
        jdbc.sql("update insight_unit_version set version = version + 1").update();
        return;
      }
      if (!changes.cases.isEmpty()) {
        jdbc.sql("""
                update insight_unit_version set version = version + 1
                 where unit in (select unit from insight_case where case_id in (:cases))""")
            .param("cases", changes.cases).update();
      }
      if (!changes.units.isEmpty()) {
        jdbc.sql("update insight_unit_version set version = version + 1 where unit in (:units)")
            .param("units", changes.units).update();
      }
    });
  }

  /** A unit new to the read model gets its version (read until then at the whole read model's). */
  private void unitsOwnVersions(Set<UUID> cases) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.sql("""
              insert into insight_unit_version (unit, version)
              select distinct c.unit, 0 from insight_case c
               where %s not exists (select 1 from insight_unit_version v where v.unit = c.unit)"""
              .formatted(cases == null ? "" : "c.case_id in (:cases) and"))
          .params(cases == null ? Map.of() : Map.of("cases", cases)).update());
    } catch (DataIntegrityViolationException e) {
      // Another node gave the unit its version at the same moment: one is all it needs.
      log.debug("Insight: a unit's version was made by another node", e);
    }
  }

  /** What this node committed is raised before it stops, not left to the kept figures' keep. */
  @PreDestroy
  void stop() {
    raiser.shutdownNow();
    raiseCommitted();
  }
}
