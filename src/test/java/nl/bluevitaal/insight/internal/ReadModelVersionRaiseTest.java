package nl.bluevitaal.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The version as production raises it: once for all the changes a node committed within the delay, not once per
 * transaction; this node reads its own changes counted at once, what the other nodes read (the table) rises when the
 * delay is over. The delay here is an hour, so that nothing but the test raises it. Each test's unit is its own, so
 * that the application's raises of other changes meanwhile do not count.
 */
@ApplicationTest
class ReadModelVersionRaiseTest {

  @Autowired
  JdbcClient jdbc;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  ReadModelVersion application;

  ReadModelVersion delayed;

  @AfterEach
  void stop() {
    delayed.stop();
  }

  @Test
  void theChangesOfManyCommitsAreRaisedOnceAndThisNodeReadsThemAtOnce() {
    delayed = new ReadModelVersion(jdbc, transactions, Duration.ofHours(1));
    String unit = CaseFixtures.tag("Eenheid V");
    UUID caseId = open(unit);
    long ofUnit = inTable(unit);

    for (int i = 0; i < 3; i++) {
      commitChange(caseId);
    }
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      delayed.changed(caseId);
      status.setRollbackOnly();
    });

    assertThat(inTable(unit)).as("the other nodes read the version before, until the delay is over")
        .isEqualTo(ofUnit);
    assertThat(delayed.current(unit)).as("this node raises what it committed before it reads")
        .isEqualTo(new ReadModelVersion.Stamp(unit, ofUnit + 1));
    assertThat(inTable(unit)).as("three commits, one raise; none for the rollback").isEqualTo(ofUnit + 1);
    assertThat(delayed.current(unit)).as("read again, nothing new").isEqualTo(new ReadModelVersion.Stamp(unit,
        ofUnit + 1));
  }

  @Test
  void whatANodeCommittedIsRaisedWhenItStops() {
    delayed = new ReadModelVersion(jdbc, transactions, Duration.ofHours(1));
    String unit = CaseFixtures.tag("Eenheid W");
    UUID caseId = open(unit);
    long ofUnit = inTable(unit);
    commitChange(caseId);

    delayed.stop();

    assertThat(inTable(unit)).isEqualTo(ofUnit + 1);
  }

  @Test
  void withoutADelayEachCommitIsRaisedAfterIt() {
    delayed = new ReadModelVersion(jdbc, transactions, Duration.ZERO);
    String unit = CaseFixtures.tag("Eenheid Z");
    UUID caseId = open(unit);
    long ofUnit = inTable(unit);

    commitChange(caseId);
    commitChange(caseId);

    assertThat(inTable(unit)).isEqualTo(ofUnit + 2);
  }

  private void commitChange(UUID caseId) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> delayed.changed(caseId));
  }

  /** A case in a unit of its own, through the application's event: the unit gets its version in the table. */
  private UUID open(String unit) {
    UUID caseId = UUID.randomUUID();
    new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
        new CaseFileEvents.CaseOpened(caseId, unit, "Team V", "couns-version", LocalDate.now().minusDays(5),
            LocalDate.now().minusDays(3))));
    // The application's own version raises what it committed when read; the table then holds the unit.
    assertThat(application.current(unit).unit()).isEqualTo(unit);
    return caseId;
  }

  private long inTable(String unit) {
    return jdbc.sql("select version from insight_unit_version where unit = :u").param("u", unit).query(Long.class)
        .single();
  }
}
