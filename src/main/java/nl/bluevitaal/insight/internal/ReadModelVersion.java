package nl.bluevitaal.insight.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * (V44), raised once after each transaction that changed insight's rows has committed, so that a figure kept for the
 * version before is never served again. A unit's figures are kept for its unit's version: a step in one unit leaves
 * what every node keeps for the other units as it is (at national scale some step happens every minute somewhere).
 * Raised after the commit, in a transaction of its own: raised inside, a reader could read the new version before the
 * rows it stands for are visible, and keep old figures under it; and the rows would stay locked for the whole
 * recording transaction, making every step of every case wait for the others'.
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
  private final DataSource dataSource;
  private final TransactionTemplate ownTransaction;
  private volatile Boolean postgres;

  ReadModelVersion(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The whole read model's version. */
  public long current() {
    return jdbc.sql("select version from insight_version where id = 1").query(Long.class).single();
  }

  /** The version a unit's figures are kept for; null: what spans units (the list of units, the model's heatmap). */
  public Stamp current(String unit) {
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
          try {
            raise(made);
          } catch (RuntimeException e) {
            // The change is committed; its caller must not hear otherwise. Kept figures expire on their own
            // (ReadModelCache's keep), and the next change raises the version past this one.
            log.warn("Insight: the read model's version was not raised after a change", e);
          }
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

  private void raise(Changes changes) {
    boolean all = changes.all || changes.cases.size() > CASES_NAMED;
    if (changes.opened || all) {
      unitsOwnVersions(all ? null : changes.cases);
    }
    ownTransaction.executeWithoutResult(status -> {
      if (postgres()) {
        // Not worth a wait for the disk: every step of every case ends in this commit, so a synchronous one would
        // double the flushes of a timer storm. A raise lost in a crash of the database leaves kept figures as they
        // were until their keep runs out (ReadModelCache), never a figure of rows that were not committed.
        jdbc.sql("set local synchronous_commit = off").update();
      }
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

  private boolean postgres() {
    if (postgres == null) {
      try (Connection connection = dataSource.getConnection()) {
        postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new IllegalStateException("The database does not say what it is", e);
      }
    }
    return postgres;
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
}
