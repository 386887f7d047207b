package nl.bluevitaal.selfservice.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CheckInTriage.Level;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.CaseAccessDeniedException;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Check-ins on the whole application: the privacy cells of domain E both ways (the employee owns them; the company
 * doctor and a care professional read while shared with care; the counsellor never, not even when everything is
 * shared; the employer side and another employee never), a check-in sent twice stored once, the device's time taken
 * within limits, and only usable instruments.
 */
@ApplicationTest
class CheckInsTest {

  @Autowired
  CheckIns checkIns;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  SharingSettings sharing;
  @Autowired
  Clock clock;

  People people;

  @BeforeEach
  void aCase() {
    people = fixtures.people("ci");
  }

  private static NewCheckIn who5(Integer... answers) {
    return new NewCheckIn(null, List.of(answers), "Slecht geslapen", UUID.randomUUID(), null);
  }

  private void share(UUID caseId, Actor employee, Audience audience, boolean granted) {
    int version = sharing.get(employee, caseId).version();
    sharing.update(employee, caseId, version, List.of(new SharingChange(Domain.SELF_REPORTS, audience, granted)));
  }

  @Test
  void theEmployeeSubmitsAndReadsTheirOwnCheckIns() {
    CheckIns.Submitted submitted = checkIns.submit(people.asEmployee(), people.caseId(), who5(1, 1, 2, 1, 2));

    assertThat(submitted.alreadyReceived()).isFalse();
    CheckIn stored = submitted.checkIn();
    assertThat(stored.rawScore()).isEqualTo(7);
    assertThat(stored.scorePercentage()).isEqualTo(28);
    assertThat(stored.level()).isEqualTo(Level.RED);
    assertThat(stored.reason()).isEqualTo("SCORE_VERY_LOW");
    assertThat(stored.instrument()).isEqualTo("WHO5");
    assertThat(checkIns.history(people.asEmployee(), people.caseId())).extracting(CheckIn::id)
        .containsExactly(stored.id());
    assertThat(checkIns.get(people.asEmployee(), people.caseId(), stored.id()).note()).isEqualTo("Slecht geslapen");
  }

  @Test
  void theCompanyDoctorReadsCheckInsOnlyWhileTheEmployeeSharesThemWithCare() {
    checkIns.submit(people.asEmployee(), people.caseId(), who5(3, 3, 3, 3, 3));

    assertThatThrownBy(() -> checkIns.history(people.asDoctor(), people.caseId()))
        .isInstanceOfSatisfying(CaseAccessDeniedException.class, e -> assertThat(e.caseVisible()).isTrue());

    share(people.caseId(), people.asEmployee(), Audience.CARE, true);
    assertThat(checkIns.history(people.asDoctor(), people.caseId())).hasSize(1);

    share(people.caseId(), people.asEmployee(), Audience.CARE, false);
    assertThatThrownBy(() -> checkIns.history(people.asDoctor(), people.caseId()))
        .isInstanceOf(CaseAccessDeniedException.class);
  }

  @Test
  void aCareProfessionalReadsCheckInsOfTheirCaseOnlyWhileShared() {
    // The fixtures' third case, counselled by the care professional, is of "emp3-<tag>".
    String employee = "emp3-" + people.tag();
    Actor owner = CaseFixtures.actor(employee, Groups.EMPLOYEE);
    Actor care = CaseFixtures.actor(people.careProfessional(), Groups.COUNSELLOR, Groups.CARE_PROFESSIONAL);
    checkIns.submit(owner, people.careCaseId(), who5(3, 3, 3, 3, 3));

    assertThatThrownBy(() -> checkIns.history(care, people.careCaseId()))
        .isInstanceOf(CaseAccessDeniedException.class);
    share(people.careCaseId(), owner, Audience.CARE, true);
    assertThat(checkIns.history(care, people.careCaseId())).hasSize(1);
  }

  @Test
  void theCounsellorNeverSeesAScoreOrANoteEvenWithEverythingShared() {
    UUID id = checkIns.submit(people.asEmployee(), people.caseId(), who5(2, 2, 2, 2, 2)).checkIn().id();
    share(people.caseId(), people.asEmployee(), Audience.CARE, true);
    share(people.caseId(), people.asEmployee(), Audience.COUNSELLOR, true);

    assertThatThrownBy(() -> checkIns.history(people.asCounsellor(), people.caseId()))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> checkIns.get(people.asCounsellor(), people.caseId(), id))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThatThrownBy(() -> checkIns.latest(people.asCounsellor(), people.caseId()))
        .isInstanceOf(CaseAccessDeniedException.class);
  }

  @Test
  void theEmployerSideAnotherEmployeeAndOutsidersNeverReadOrWriteThem() {
    checkIns.submit(people.asEmployee(), people.caseId(), who5(3, 3, 3, 3, 3));
    share(people.caseId(), people.asEmployee(), Audience.CARE, true);
    List<Actor> others = List.of(people.asLineManager(),
        CaseFixtures.actor(people.management(), Groups.MANAGEMENT),
        CaseFixtures.actor(people.buddy(), Groups.BUDDY),
        CaseFixtures.actor(people.otherEmployee(), Groups.EMPLOYEE),
        CaseFixtures.actor(people.otherDoctor(), Groups.COMPANY_DOCTOR),
        CaseFixtures.actor(people.administrator(), Groups.ADMINISTRATOR));

    for (Actor other : others) {
      assertThatThrownBy(() -> checkIns.history(other, people.caseId())).as(other.userId())
          .isInstanceOf(CaseAccessDeniedException.class);
      assertThatThrownBy(() -> checkIns.submit(other, people.caseId(), who5(5, 5, 5, 5, 5))).as(other.userId())
          .isInstanceOf(CaseAccessDeniedException.class);
    }
    // Not even the doctor who reads them may write one.
    assertThatThrownBy(() -> checkIns.submit(people.asDoctor(), people.caseId(), who5(5, 5, 5, 5, 5)))
        .isInstanceOf(CaseAccessDeniedException.class);
    assertThat(checkIns.history(people.asEmployee(), people.caseId())).hasSize(1);
  }

  @Test
  void aCheckInSentAgainWithTheSameIdIsStoredOnce() {
    NewCheckIn once = who5(3, 2, 3, 2, 3);

    CheckIns.Submitted first = checkIns.submit(people.asEmployee(), people.caseId(), once);
    CheckIns.Submitted again = checkIns.submit(people.asEmployee(), people.caseId(), once);

    assertThat(first.alreadyReceived()).isFalse();
    assertThat(again.alreadyReceived()).isTrue();
    assertThat(again.checkIn().id()).isEqualTo(first.checkIn().id());
    assertThat(checkIns.history(people.asEmployee(), people.caseId())).hasSize(1);
  }

  @Test
  void aCheckInKeptOfflineKeepsItsOwnTimeWithinTheLimits() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime threeDaysAgo = now.minusDays(3).truncatedTo(ChronoUnit.SECONDS);

    CheckIn late = checkIns.submit(people.asEmployee(), people.caseId(),
        new NewCheckIn("WHO5", List.of(3, 3, 3, 3, 3), null, UUID.randomUUID(), threeDaysAgo)).checkIn();

    assertThat(late.takenAt().toInstant()).isEqualTo(threeDaysAgo.toInstant());
    assertThat(late.receivedAt()).isAfter(late.takenAt());
    assertThatThrownBy(() -> checkIns.submit(people.asEmployee(), people.caseId(),
        new NewCheckIn("WHO5", List.of(3, 3, 3, 3, 3), null, UUID.randomUUID(), now.minusDays(8))))
        .isInstanceOfSatisfying(InvalidCheckInException.class,
            e -> assertThat(e.fields()).containsEntry("takenAt", "checkin.error.moment-too-old"));
    assertThatThrownBy(() -> checkIns.submit(people.asEmployee(), people.caseId(),
        new NewCheckIn("WHO5", List.of(3, 3, 3, 3, 3), null, UUID.randomUUID(), now.plusHours(1))))
        .isInstanceOfSatisfying(InvalidCheckInException.class,
            e -> assertThat(e.fields()).containsEntry("takenAt", "checkin.error.moment-in-future"));
    assertThat(checkIns.history(people.asEmployee(), people.caseId())).hasSize(1);
  }

  @Test
  void missingAnswersAnswersOffTheScaleAndALongNoteAreRefusedPerField() {
    assertThatThrownBy(() -> checkIns.submit(people.asEmployee(), people.caseId(), new NewCheckIn(null,
        Arrays.asList(3, null, 7, 3), "x".repeat(1001), UUID.randomUUID(), null)))
        .isInstanceOfSatisfying(InvalidCheckInException.class, e -> assertThat(e.fields())
            .containsEntry("answers[1]", "checkin.error.answer-required")
            .containsEntry("answers[2]", "checkin.error.answer-not-on-scale")
            .containsEntry("answers[4]", "checkin.error.answer-required")
            .containsEntry("note", "checkin.error.note-too-long"));
    assertThat(checkIns.history(people.asEmployee(), people.caseId())).isEmpty();
  }

  @Test
  void theShippedDisabledInstrumentsCannotBeUsed() {
    for (String instrument : List.of("K10", "DISTRESS_SCREENER", "BAT")) {
      assertThatThrownBy(() -> checkIns.submit(people.asEmployee(), people.caseId(),
          new NewCheckIn(instrument, List.of(3, 3, 3, 3, 3), null, UUID.randomUUID(), null))).as(instrument)
          .isInstanceOf(InstrumentNotUsableException.class);
    }
  }
}
