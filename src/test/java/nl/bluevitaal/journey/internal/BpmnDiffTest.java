package nl.bluevitaal.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.bluevitaal.journey.ModelChanges.Aspect;
import nl.bluevitaal.journey.ModelChanges.Change;
import nl.bluevitaal.journey.ModelChanges.Kind;
import nl.bluevitaal.journey.UnreadableModelException;
import org.junit.jupiter.api.Test;

/** What changed between the journey as it is and an edited copy: each kind of change named for its element. */
class BpmnDiffTest {

  static final String JOURNEY = "ReintegrationJourney";

  static String journey() throws IOException {
    return Files.readString(Path.of("processes/ReintegrationJourney.bpmn"));
  }

  static List<Change> diff(String before, String after) {
    return BpmnDiff.compare(before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8), JOURNEY);
  }

  @Test
  void theSameModelChangesNothing() throws IOException {
    assertThat(diff(journey(), journey())).isEmpty();
  }

  @Test
  void aRenamedTaskIsARenameAndNothingElse() throws IOException {
    String renamed = journey().replace("name=\"Intakegesprek voeren\"", "name=\"Eerste gesprek voeren\"");

    assertThat(diff(journey(), renamed)).containsExactly(new Change(Kind.RENAMED, "Task_Intake", "userTask",
        "Eerste gesprek voeren", null, "Intakegesprek voeren", "Eerste gesprek voeren"));
  }

  @Test
  void aRemovedWatchCallIsAChangeOfTheStepsListeners() throws IOException {
    String watchCall = "<camunda:taskListener expression=\"${journeyWatches.reached(caseId, &#39;"
        + "REPORT_TO_COMPANY_DOCTOR&#39;)}\" event=\"complete\" />";
    assertThat(journey()).contains(watchCall);

    List<Change> changes = diff(journey(), journey().replace(watchCall, ""));

    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.kind()).isEqualTo(Kind.CHANGED);
      assertThat(change.elementId()).isEqualTo("Task_ReportToCompanyDoctor");
      assertThat(change.aspect()).isEqualTo(Aspect.LISTENERS);
      assertThat(change.before()).contains("journeyWatches.reached(caseId, 'REPORT_TO_COMPANY_DOCTOR')");
      assertThat(change.after()).isNull();
    });
  }

  @Test
  void aChangedTimerShowsTheOldAndTheNewDate() throws IOException {
    String changed = journey().replace("${journeyDeadlines.relapseWatchEnds(caseId)}",
        "${journeyDeadlines.daysFromNow(14)}");

    assertThat(diff(journey(), changed)).containsExactly(new Change(Kind.CHANGED, "TimerEvent_RelapseWatchEnds",
        "intermediateCatchEvent", "28 dagen zonder terugval", Aspect.TIMER,
        "timeDate ${journeyDeadlines.relapseWatchEnds(caseId)}", "timeDate ${journeyDeadlines.daysFromNow(14)}"));
  }

  @Test
  void anAddedTaskAndItsFlowsAreAddedAndTheFlowItReplacesIsRemoved() throws IOException {
    String added = journey().replace(
        "<bpmn:sequenceFlow id=\"Flow_BuddyOfferJoinToIntakeDone\" sourceRef=\"Gateway_BuddyOfferJoin\" "
            + "targetRef=\"EndEvent_IntakeDone\" />",
        "<bpmn:userTask id=\"Task_WelcomeCall\" name=\"Welkomstgesprek\" />"
            + "<bpmn:sequenceFlow id=\"Flow_BuddyOfferJoinToWelcomeCall\" sourceRef=\"Gateway_BuddyOfferJoin\" "
            + "targetRef=\"Task_WelcomeCall\" />"
            + "<bpmn:sequenceFlow id=\"Flow_WelcomeCallToIntakeDone\" sourceRef=\"Task_WelcomeCall\" "
            + "targetRef=\"EndEvent_IntakeDone\" />");

    List<Change> changes = diff(journey(), added);

    assertThat(changes).filteredOn(c -> c.kind() == Kind.ADDED).extracting(Change::elementId)
        .containsExactly("Task_WelcomeCall", "Flow_BuddyOfferJoinToWelcomeCall", "Flow_WelcomeCallToIntakeDone");
    assertThat(changes).filteredOn(c -> c.kind() == Kind.REMOVED).extracting(Change::elementId)
        .containsExactly("Flow_BuddyOfferJoinToIntakeDone");
    assertThat(changes).filteredOn(c -> c.kind() == Kind.ADDED).first().satisfies(c -> {
      assertThat(c.elementType()).isEqualTo("userTask");
      assertThat(c.name()).isEqualTo("Welkomstgesprek");
    });
  }

  @Test
  void aRedirectedFlowAndAChangedConditionAreChangesOfThatFlow() throws IOException {
    String changed = journey()
        .replace("sourceRef=\"Gateway_UrgentDoctorContact\" targetRef=\"Task_UrgentDoctorContact\"",
            "sourceRef=\"Gateway_UrgentDoctorContact\" targetRef=\"Gateway_UrgentDoctorContactJoin\"")
        .replace("${urgentDoctorContact}</bpmn:conditionExpression>",
            "${!urgentDoctorContact}</bpmn:conditionExpression>");

    assertThat(diff(journey(), changed)).extracting(Change::elementId, Change::aspect).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Flow_UrgentDoctorContactYes", Aspect.TARGET),
        org.assertj.core.groups.Tuple.tuple("Flow_UrgentDoctorContactYes", Aspect.CONDITION));
  }

  @Test
  void aFileOfAnotherProcessOrNoModelIsRefused() throws IOException {
    String watch = Files.readString(Path.of("processes/MilestoneWatch.bpmn"));
    assertThatThrownBy(() -> diff(journey(), watch)).isInstanceOf(UnreadableModelException.class)
        .hasMessageContaining("MilestoneWatch");
    assertThatThrownBy(() -> diff(journey(), "geen xml")).isInstanceOf(UnreadableModelException.class);
    assertThatThrownBy(() -> diff(journey(), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
        + "\"file:///etc/passwd\">]><x>&e;</x>")).isInstanceOf(UnreadableModelException.class);
  }
}
