package nl.bluevitaal.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.insight.internal.ReadModelCache;
import nl.bluevitaal.insight.internal.ReadModelVersion;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures kept per read model version: computed once per change, computed again after every committed change and
 * never after a rolled back one; the access check and the audit happen on every read all the same.
 */
@ApplicationTest
class ReadModelCacheTest {

  @Autowired
  InsightFigures figures;
  @Autowired
  ReadModelVersion version;
  @Autowired
  ReadModelCache cache;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  PlatformTransactionManager transactions;

  Actor management = CaseFixtures.actor("mgmt-cache", Groups.MANAGEMENT);

  @Test
  void theVersionRisesOnceAfterACommitAndNeverForARollback() {
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    long before = version.current();

    transaction.executeWithoutResult(status -> {
      version.changed();
      version.changed();
      assertThat(version.current()).as("not before the commit").isEqualTo(before);
    });
    assertThat(version.current()).isEqualTo(before + 1);

    transaction.executeWithoutResult(status -> {
      version.changed();
      status.setRollbackOnly();
    });
    assertThat(version.current()).isEqualTo(before + 1);
  }

  @Test
  void aValueIsComputedOncePerVersion() {
    AtomicInteger computed = new AtomicInteger();
    Object key = UUID.randomUUID();

    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(1);
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(1);
    version.changed();
    assertThat(cache.<Integer>get(key, computed::incrementAndGet)).isEqualTo(2);
  }

  /**
   * Each unit its own version: a case opened in one unit leaves what is kept for another as it is, and raises its own
   * unit's and the whole read model's (what spans units, like the list of units, is computed again).
   */
  @Test
  void aChangeInOneUnitLeavesWhatIsKeptForAnotherUnit() {
    String here = CaseFixtures.tag("Eenheid H");
    String elsewhere = CaseFixtures.tag("Eenheid E");
    LocalDate on = figures.today().minusDays(3);
    open(here, on);
    open(elsewhere, on);
    assertThat(version.current(here).unit()).as("a new unit gets its own version with its first case")
        .isEqualTo(here);
    AtomicInteger computedHere = new AtomicInteger();
    AtomicInteger computedAcross = new AtomicInteger();
    Object key = UUID.randomUUID();
    Object acrossKey = UUID.randomUUID();
    cache.get(here, key, computedHere::incrementAndGet);
    cache.get(acrossKey, computedAcross::incrementAndGet);

    open(elsewhere, on);

    assertThat(cache.<Integer>get(here, key, computedHere::incrementAndGet)).isEqualTo(1);
    assertThat(cache.<Integer>get(acrossKey, computedAcross::incrementAndGet)).isEqualTo(2);

    open(here, on);

    assertThat(cache.<Integer>get(here, key, computedHere::incrementAndGet)).isEqualTo(2);
  }

  /** A unit the versions do not know yet is kept at the whole read model's version: any change computes it again. */
  @Test
  void aUnitWithoutItsOwnVersionIsKeptAtTheWholeReadModels() {
    String unknown = CaseFixtures.tag("Eenheid O");
    assertThat(version.current(unknown)).isEqualTo(new ReadModelVersion.Stamp(null, version.current()));
    AtomicInteger computed = new AtomicInteger();
    Object key = UUID.randomUUID();
    cache.get(unknown, key, computed::incrementAndGet);

    open(CaseFixtures.tag("Eenheid P"), figures.today().minusDays(3));

    assertThat(cache.<Integer>get(unknown, key, computed::incrementAndGet)).isEqualTo(2);
  }

  /** A case opened through the application's event, committed: the unit's figure read next counts it. */
  @Test
  void aFigureReadAfterACommittedEventCountsIt() {
    String unit = CaseFixtures.tag("Eenheid K");
    int year = figures.today().getYear() - 1;
    FigureQuery query = new FigureQuery(unit, null, year);
    for (int i = 0; i < 12; i++) {
      open(unit, LocalDate.of(year, 2, 3));
    }
    assertThat(inflow(query)).isEqualTo(Shown.of(12));
    assertThat(inflow(query)).as("read again, unchanged").isEqualTo(Shown.of(12));

    open(unit, LocalDate.of(year, 3, 3));

    assertThat(inflow(query)).isEqualTo(Shown.of(13));
  }

  /** The access check and the refusal's audit come before the cache: a kept figure is no way round them. */
  @Test
  void aKeptFigureIsStillRefusedToWhoeverMayNotReadIt() {
    String unit = CaseFixtures.tag("Eenheid K");
    FigureQuery query = new FigureQuery(unit, null, figures.today().getYear());
    figures.figure(management, FigureKind.PHASES, query);

    assertThatThrownBy(() -> figures.figure(CaseFixtures.actor("emp-cache", Groups.EMPLOYEE), FigureKind.PHASES,
        query)).isInstanceOf(nl.bluevitaal.privacy.CaseAccessDeniedException.class);
  }

  private void open(String unit, LocalDate on) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
        new CaseFileEvents.CaseOpened(UUID.randomUUID(), unit, "Team K", "couns-cache", on.minusDays(2), on)));
  }

  private Shown inflow(FigureQuery query) {
    FigureTable flows = figures.figure(management, FigureKind.THROUGHPUT, query).table("flow-teams");
    return flows.headline().cells().get(0);
  }
}
