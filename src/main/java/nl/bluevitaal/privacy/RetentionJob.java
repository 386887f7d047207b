package nl.bluevitaal.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.privacy.internal.AuditRecorder;
import nl.bluevitaal.privacy.internal.SharingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes case data past its retention period, rule by rule, one case per transaction, and logs every deletion in
 * {@code retention_deletion} and as a DELETED event in the audit trail (which itself is kept). Medical files first and
 * the administrative case row last, so no rule deletes what another still keeps. A case that cannot be deleted (its
 * journey still runs) is skipped and logged, and tried again on the next run.
 */
@Component
public class RetentionJob {

  /** The actor of the job's audit events. */
  public static final String SYSTEM_ACTOR = "system";

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  private static final List<RetentionRule> ORDER =
      List.of(RetentionRule.MEDICAL_FILE, RetentionRule.REINTEGRATION_FILE, RetentionRule.ADMINISTRATIVE);

  private final ObjectProvider<RetentionTargets> targets;
  private final ObjectProvider<EngineHistory> engineHistory;
  private final SharingRepository sharing;
  private final AuditRecorder audit;
  private final JdbcClient jdbc;
  private final RetentionProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  RetentionJob(ObjectProvider<RetentionTargets> targets, ObjectProvider<EngineHistory> engineHistory,
      SharingRepository sharing, AuditRecorder audit, JdbcClient jdbc, RetentionProperties properties,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.targets = targets;
    this.engineHistory = engineHistory;
    this.sharing = sharing;
    this.audit = audit;
    this.jdbc = jdbc;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Scheduled(cron = "${bluevitaal.retention.cron:" + RetentionProperties.DEFAULT_CRON + "}")
  void nightly() {
    List<RetentionDeletion> deletions = run();
    log.info("Retention: {} deletion(s) logged", deletions.size());
  }

  /** Runs every rule now; returns what was deleted (also logged). */
  public List<RetentionDeletion> run() {
    RetentionTargets caseFile = targets.getIfAvailable();
    if (caseFile == null) {
      log.warn("Retention: no RetentionTargets; nothing deleted");
      return List.of();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<RetentionDeletion> deletions = new ArrayList<>();
    for (RetentionRule rule : ORDER) {
      OffsetDateTime cutoff = now.minus(properties.periodOf(rule));
      Set<UUID> tried = new HashSet<>();
      while (true) {
        List<UUID> batch = caseFile.expiredCases(rule, cutoff, properties.batchSize()).stream()
            .filter(tried::add).toList();
        if (batch.isEmpty()) {
          break;
        }
        for (UUID caseId : batch) {
          try {
            deletions.addAll(transaction.execute(tx -> delete(caseFile, caseId, rule, cutoff, now)));
          } catch (RuntimeException e) {
            log.warn("Retention: case {} under {} not deleted: {}", caseId, rule, e.getMessage());
          }
        }
      }
    }
    return deletions;
  }

  private List<RetentionDeletion> delete(RetentionTargets caseFile, UUID caseId, RetentionRule rule,
      OffsetDateTime cutoff, OffsetDateTime now) {
    List<RetentionDeletion> deletions = new ArrayList<>();
    String reason = "past retention (" + rule + ", reference date before " + cutoff.toLocalDate() + ")";
    if (rule != RetentionRule.MEDICAL_FILE) {
      EngineHistory engine = engineHistory.getIfAvailable();
      int instances = engine == null ? 0 : engine.deleteHistoryOf(caseId);
      if (instances > 0) {
        deletions.add(record(now, caseId, rule, null, instances, "engine history: " + instances
            + " process instance(s) " + reason));
      }
    }
    Map<Domain, Integer> deleted = caseFile.delete(caseId, rule);
    for (Domain domain : rule.domains()) {
      int rows = deleted.getOrDefault(domain, 0);
      if (rows > 0) {
        deletions.add(record(now, caseId, rule, domain, rows, rows + " row(s) of " + domain + " " + reason));
      }
    }
    if (rule == RetentionRule.REINTEGRATION_FILE) {
      int rows = sharing.deleteCase(caseId);
      if (rows > 0) {
        deletions.add(record(now, caseId, rule, Domain.SELF_REPORTS, rows, "sharing settings (" + rows
            + " row(s)) " + reason));
      }
    }
    return deletions;
  }

  private RetentionDeletion record(OffsetDateTime now, UUID caseId, RetentionRule rule, Domain domain, int rows,
      String what) {
    jdbc.sql("""
            insert into retention_deletion (deleted_at, case_id, rule, domain, rows_deleted, what)
            values (:at, :caseId, :rule, :domain, :rows, :what)""")
        .param("at", now).param("caseId", caseId).param("rule", rule.name())
        .param("domain", domain == null ? null : domain.name()).param("rows", rows).param("what", what).update();
    audit.recordWithCaller(SYSTEM_ACTOR, "retention", AuditAction.DELETED, domain, caseId, what);
    return new RetentionDeletion(now, caseId, rule, domain, rows, what);
  }
}
