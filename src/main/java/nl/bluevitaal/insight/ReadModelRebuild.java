package nl.bluevitaal.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.internal.ReadModelRebuilder;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds insight's read model from scratch, from the case file and the engine's history: when an administrator asks
 * (audited; everyone else is refused), and at start-up when the read model is empty while cases exist (a database
 * from before it, or one whose read model was lost). One node rebuilds at a time: it claims the state row first, in
 * a transaction of its own, so nodes that start together do not rebuild side by side. The rebuild itself is one
 * transaction: readers see the old read model until the new one is complete. Events recorded while it runs may be
 * missed for their cases; a second rebuild repairs them.
 */
@Service
public class ReadModelRebuild {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
  /** A claim older than this belongs to a node that died while rebuilding: another may take it over. */
  static final Duration STALE_CLAIM = Duration.ofHours(1);

  private final ReadModelRebuilder rebuilder;
  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final Clock clock;
  private final TransactionTemplate own;

  ReadModelRebuild(ReadModelRebuilder rebuilder, JdbcClient jdbc, AccessPolicy policy, Clock clock,
      PlatformTransactionManager transactions) {
    this.rebuilder = rebuilder;
    this.jdbc = jdbc;
    this.policy = policy;
    this.clock = clock;
    this.own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** What a rebuild wrote and how long it took. */
  public record Result(int cases, int steps, int deadlines, Duration duration) {
  }

  /**
   * The administrator's rebuild, recorded in the audit trail; anyone else is refused (403, recorded where it is
   * answered).
   *
   * @throws RebuildRunningException when another rebuild is running
   */
  public Result rebuild(Actor actor) {
    if (actor == null || !actor.isIn(Groups.ADMINISTRATOR)) {
      throw policy.roleRefusal(actor, null, "insight: rebuild the read model");
    }
    Result result = claimAndRebuild().orElseThrow(RebuildRunningException::new);
    own.executeWithoutResult(status -> policy.recordAction(actor, "insight: read model rebuilt (" + result.cases()
        + " cases, " + result.steps() + " steps, " + result.deadlines() + " deadlines, "
        + result.duration().toMillis() + " ms)"));
    return result;
  }

  /** At start-up: rebuilds when the read model is empty and cases exist; true when it did. */
  public boolean rebuildIfEmpty() {
    boolean needed = own.execute(status ->
        jdbc.sql("select count(*) from insight_case").query(Integer.class).single() == 0
            && jdbc.sql("select count(*) from reintegration_case").query(Integer.class).single() > 0);
    if (!needed) {
      return false;
    }
    return claimAndRebuild().map(result -> {
      log.info("Insight read model was empty: rebuilt {} cases in {} ms", result.cases(), result.duration().toMillis());
      return true;
    }).orElse(false);
  }

  private Optional<Result> claimAndRebuild() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean claimed = Boolean.TRUE.equals(own.execute(status -> jdbc.sql("""
            update insight_read_model_state set rebuilding_since = :now
             where id = 1 and (rebuilding_since is null or rebuilding_since < :stale)""")
        .param("now", now).param("stale", now.minus(STALE_CLAIM)).update() == 1));
    if (!claimed) {
      log.info("Insight read model: another rebuild is running, this one is skipped");
      return Optional.empty();
    }
    try {
      Instant started = Instant.now();
      ReadModelRebuilder.Written written = own.execute(status -> rebuilder.rebuild());
      Duration took = Duration.between(started, Instant.now());
      Result result = new Result(written.cases(), written.steps(), written.deadlines(), took);
      own.executeWithoutResult(status -> jdbc.sql("""
              update insight_read_model_state set rebuilding_since = null, rebuilt_at = :now, cases = :c,
                     steps = :s, deadlines = :d, duration_ms = :ms
               where id = 1""")
          .param("now", OffsetDateTime.now(clock)).param("c", result.cases()).param("s", result.steps())
          .param("d", result.deadlines()).param("ms", took.toMillis()).update());
      return Optional.of(result);
    } catch (RuntimeException e) {
      own.executeWithoutResult(status -> jdbc.sql(
          "update insight_read_model_state set rebuilding_since = null where id = 1").update());
      throw e;
    }
  }
}
