package nl.bluevitaal.insight.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model's version (V43), shared by every node through the database: raised once after each transaction that
 * changed insight's rows has committed, so that a figure kept for the version before is never served again. Raised
 * after the commit, in a transaction of its own: raised inside, a reader could read the new version before the rows
 * it stands for are visible, and keep old figures under it; and the row would stay locked for the whole recording
 * transaction, making every step of every case wait for the others'.
 */
@Component
public class ReadModelVersion {

  private static final Logger log = LoggerFactory.getLogger(ReadModelVersion.class);
  private static final Object CHANGED = new Object();

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  ReadModelVersion(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public long current() {
    return jdbc.sql("select version from insight_version where id = 1").query(Long.class).single();
  }

  /** The read model changes in the current transaction (or just changed, outside one). */
  public void changed() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      raise();
      return;
    }
    if (TransactionSynchronizationManager.hasResource(CHANGED)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(CHANGED, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          raise();
        } catch (RuntimeException e) {
          // The change is committed; its caller must not hear otherwise. Kept figures expire on their own
          // (ReadModelCache's keep), and the next change raises the version past this one.
          log.warn("Insight: the read model's version was not raised after a change", e);
        }
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(CHANGED);
      }
    });
  }

  private void raise() {
    ownTransaction.executeWithoutResult(status ->
        jdbc.sql("update insight_version set version = version + 1 where id = 1").update());
  }
}
