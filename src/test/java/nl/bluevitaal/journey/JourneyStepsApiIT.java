package nl.bluevitaal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Element;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.Api;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every step can be taken through our REST API by the person it is for — the employee and the line manager
 * included, who do not use Camunda's webapps — and by nobody else.
 */
@PostgresIntegrationTest
class JourneyStepsApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INTAKE_OUTCOME = "{\"outcome\":{\"workConflict\":false,\"expectedAbsenceWeeks\":2}}";

  @LocalServerPort
  int port;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JourneyTasks journeyTasks;
  @Autowired
  DocumentChanges changes;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  JdbcTemplate jdbc;

  People people;
  String counsellor;
  String doctor;
  String employee;
  String lineManager;
  UUID caseId;
  Api api;

  @BeforeEach
  void caseWithItsPeople() {
    people = fixtures.people("st");
    counsellor = people.counsellor();
    doctor = people.doctor();
    employee = people.employee();
    lineManager = people.lineManager();
    caseId = people.caseId();
    api = new Api(port);
  }

  @Test
  void theCounsellorTakesTheIntakeAndAWrongOutcomeNamesEachField() throws Exception {
    JsonNode steps = steps(counsellor);
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).get("stepKey").asText()).isEqualTo(Element.TASK_INTAKE);
    String taskId = steps.get(0).get("taskId").asText();

    HttpResponse<String> wrong = complete(counsellor, taskId, "{\"outcome\":{\"workConflict\":\"ja\",\"x\":1}}");

    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(wrong.body()).contains("outcome.workConflict", "outcome.expectedAbsenceWeeks", "outcome.x");
    assertThat(steps(counsellor)).hasSize(1);

    HttpResponse<String> done = complete(counsellor, taskId,
        "{\"outcome\":{\"workConflict\":false,\"expectedAbsenceWeeks\":2}}");

    assertThat(done.statusCode()).isEqualTo(204);
    assertThat(stepKeys(doctor)).containsExactly(Element.TASK_PROBLEM_ANALYSIS);
  }

  @Test
  void theEmployeeReviewsAndTheOwnLineManagerAgreesThroughTheApi() throws Exception {
    completeOnly(counsellor, Element.TASK_INTAKE, "{\"outcome\":{\"workConflict\":false,\"expectedAbsenceWeeks\":2}}");
    // Each document step completes once its document is as far as the step needs (StepDocumentPagesTest).
    CaseDocument analysis = changes.create(people.asDoctor(), caseId, DocumentType.PROBLEM_ANALYSIS,
        "Probleemanalyse", "Prognose: herstel in fasen.", null);
    analysis = changes.changeStatus(people.asDoctor(), caseId, analysis.id(), analysis.version(),
        DocumentStatus.FOR_EMPLOYEE_REVIEW);
    completeOnly(doctor, Element.TASK_PROBLEM_ANALYSIS, "{}");
    assertThat(stepKeys(employee)).containsExactly(Element.TASK_REVIEW_PROBLEM_ANALYSIS);
    changes.changeStatus(people.asEmployee(), caseId, analysis.id(), analysis.version(), DocumentStatus.RELEASED);
    completeOnly(employee, Element.TASK_REVIEW_PROBLEM_ANALYSIS, "{\"outcome\":{\"correctionRequested\":false}}");
    CaseDocument plan = changes.create(people.asCounsellor(), caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        "Afspraken.", null);
    plan = changes.changeStatus(people.asCounsellor(), caseId, plan.id(), plan.version(), DocumentStatus.RELEASED);
    completeOnly(counsellor, Element.TASK_DRAFT_PLAN_OF_ACTION, "{}");
    plan = changes.signOff(people.asEmployee(), caseId, plan.id(), plan.version());
    changes.signOff(people.asLineManager(), caseId, plan.id(), plan.version());

    assertThat(stepKeys(lineManager)).containsExactly(Element.TASK_AGREE_PLAN_LINE_MANAGER);
    assertThat(stepKeys(employee)).containsExactly(Element.TASK_AGREE_PLAN_EMPLOYEE);
    completeOnly(employee, Element.TASK_AGREE_PLAN_EMPLOYEE, "{\"outcome\":{\"planAgreedByEmployee\":true}}");
    completeOnly(lineManager, Element.TASK_AGREE_PLAN_LINE_MANAGER,
        "{\"outcome\":{\"planAgreedByLineManager\":true}}");

    assertThat(stepKeys(counsellor)).contains(Element.TASK_EVALUATION, Element.TASK_UWV_NOTIFICATION);
  }

  @Test
  void nobodyElseSeesOrTakesTheSteps() throws Exception {
    String taskId = steps(counsellor).get(0).get("taskId").asText();

    for (String outsider : List.of(people.otherCounsellor(), people.otherEmployee(), people.otherLineManager())) {
      assertThat(api.get(outsider, "/api/cases/" + caseId + "/steps").statusCode())
          .as(outsider).isEqualTo(404);
      assertThat(complete(outsider, taskId, "{\"outcome\":{\"workConflict\":false,\"expectedAbsenceWeeks\":2}}")
          .statusCode()).as(outsider).isEqualTo(404);
    }
    // The employee and line manager see their own case, but the counsellor's step is not theirs to take.
    assertThat(steps(employee)).isEmpty();
    assertThat(complete(employee, taskId, "{\"outcome\":{\"workConflict\":false,\"expectedAbsenceWeeks\":2}}")
        .statusCode()).isEqualTo(404);
    assertThat(stepKeys(counsellor)).containsExactly(Element.TASK_INTAKE);
  }

  @Test
  void aSecondSubmitOfADoneStepIsAConflictAndChangesNothing() throws Exception {
    String taskId = steps(counsellor).get(0).get("taskId").asText();
    assertThat(complete(counsellor, taskId, INTAKE_OUTCOME).statusCode()).isEqualTo(204);

    HttpResponse<String> again = complete(counsellor, taskId,
        "{\"outcome\":{\"workConflict\":true,\"expectedAbsenceWeeks\":9}}");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(again.body()).contains("no longer open", "Nothing was changed");
    assertThat(stepKeys(doctor)).containsExactly(Element.TASK_PROBLEM_ANALYSIS);
    assertThat(completions(Element.TASK_INTAKE)).isEqualTo(1);
    // For whom it never was a step, it still does not exist.
    assertThat(complete(employee, taskId, INTAKE_OUTCOME).statusCode()).isEqualTo(404);
  }

  /**
   * Two submits of one step at the same moment (two tabs, or two colleagues of the group): the first holds its
   * transaction open until PostgreSQL shows the second waiting on its locks, so the second really runs against the
   * first's uncommitted completion. One completion counts; the other is a conflict that wrote nothing.
   */
  @Test
  void twoSubmitsOfOneStepAtOnceCompleteItOnceAndTheOtherIsAConflict() throws Exception {
    String taskId = steps(counsellor).get(0).get("taskId").asText();
    Actor actor = people.asCounsellor();
    Map<String, Object> outcome = Map.of("workConflict", false, "expectedAbsenceWeeks", 2);
    CountDownLatch firstCompleted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
        journeyTasks.complete(actor, caseId, taskId, outcome);
        firstCompleted.countDown();
        await(release);
      }));
      assertThat(firstCompleted.await(2, TimeUnit.MINUTES)).isTrue();
      Future<Throwable> second = threads.submit(() -> {
        try {
          journeyTasks.complete(actor, caseId, taskId, outcome);
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
      awaitASessionWaitingOnALock(second);
      release.countDown();

      first.get(2, TimeUnit.MINUTES);
      // It saw the step still open, and the engine's optimistic lock refused its completion once the first committed.
      assertThat(second.get(2, TimeUnit.MINUTES)).isInstanceOf(StepNoLongerOpenException.class)
          .hasCauseInstanceOf(OptimisticLockingException.class);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
    assertThat(stepKeys(doctor)).containsExactly(Element.TASK_PROBLEM_ANALYSIS);
    assertThat(completions(Element.TASK_INTAKE)).isEqualTo(1);
  }

  @Test
  void theStepOfAWishForContactIsNotCompletedButClosedByRecordingTheContactForCounsellorAndDoctorAlike()
      throws Exception {
    for (String[] addressee : List.of(new String[] {"COUNSELLOR", counsellor}, new String[] {"DOCTOR", doctor})) {
      String with = addressee[0];
      String person = addressee[1];
      HttpResponse<String> asked = api.post(employee, "/api/cases/" + caseId + "/contact-requests",
          "{\"with\": \"" + with + "\", \"share\": true}");
      assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
      String taskId = null;
      for (JsonNode step : steps(person)) {
        if (step.get("stepKey").asText().equals(ContactWishProcess.TASK_CONTACT_EMPLOYEE)) {
          taskId = step.get("taskId").asText();
        }
      }
      assertThat(taskId).as("the contact step of " + with).isNotNull();

      HttpResponse<String> refused = complete(person, taskId, "{}");

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      String recordAt = JSON.readTree(refused.body()).path("recordContactAt").asText();
      assertThat(recordAt).isEqualTo("/api/cases/" + caseId + "/contact-requests/steps/" + taskId + "/contact");
      assertThat(stepKeys(person)).contains(ContactWishProcess.TASK_CONTACT_EMPLOYEE);

      HttpResponse<String> future = api.post(person, recordAt, "{\"kind\": \"PHONE\", \"happenedOn\": \""
          + java.time.LocalDate.now().plusDays(2) + "\"}");
      assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
      assertThat(future.body()).contains("happenedOn");

      String note = "Gebeld na verzoek " + with;
      HttpResponse<String> recorded = api.post(person, recordAt, "{\"kind\": \"PHONE\", \"happenedOn\": \""
          + java.time.LocalDate.now() + "\", \"summary\": \"" + note + "\"}");

      assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
      assertThat(JSON.readTree(recorded.body()).path("contactedAt").isNull()).isFalse();
      assertThat(stepKeys(person)).doesNotContain(ContactWishProcess.TASK_CONTACT_EMPLOYEE);
      assertThat(JSON.readTree(api.get(employee, "/api/cases/" + caseId + "/contact-requests").body()))
          .allSatisfy(wish -> assertThat(wish.path("contactedAt").isNull()).isFalse());
      assertThat(api.get(person, "/api/cases/" + caseId + "/contact-moments").body()).contains(note);
      assertThat(api.post(person, recordAt, "{\"kind\": \"PHONE\", \"happenedOn\": \""
          + java.time.LocalDate.now() + "\"}").statusCode()).as("closed already").isEqualTo(409);
    }
    // The doctor's contact is confidential: the employer-side counsellor does not see it, the employee does.
    assertThat(api.get(counsellor, "/api/cases/" + caseId + "/contact-moments").body())
        .contains("Gebeld na verzoek COUNSELLOR").doesNotContain("Gebeld na verzoek DOCTOR");
    assertThat(api.get(employee, "/api/cases/" + caseId + "/contact-moments").body())
        .contains("Gebeld na verzoek DOCTOR");
  }

  @Test
  void anUnknownCaseIsNotFound() {
    assertThat(api.get(counsellor, "/api/cases/" + UUID.randomUUID() + "/steps").statusCode())
        .isEqualTo(404);
  }

  private int completions(String stepKey) {
    return jdbc.queryForObject("select count(*) from audit_event where case_id = ? and what = ?", Integer.class,
        caseId, "step " + stepKey + " completed");
  }

  /** Until PostgreSQL shows a session of this database waiting for a lock, or the second submit ended early. */
  private void awaitASessionWaitingOnALock(Future<?> second) throws InterruptedException {
    for (int i = 0; i < 1200 && !second.isDone(); i++) {
      Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
          + " and wait_event_type = 'Lock'", Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(second.isDone()).as("the second submit ended without waiting for the first").isFalse();
    throw new AssertionError("the second submit never waited for the first's locks");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode steps(String user) throws Exception {
    HttpResponse<String> response = api.get(user, "/api/cases/" + caseId + "/steps");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private List<String> stepKeys(String user) throws Exception {
    List<String> keys = new java.util.ArrayList<>();
    steps(user).forEach(s -> keys.add(s.get("stepKey").asText()));
    return keys;
  }

  private HttpResponse<String> complete(String user, String taskId, String body) {
    return api.post(user, "/api/cases/" + caseId + "/steps/" + taskId, body);
  }

  private void completeOnly(String user, String stepKey, String body) throws Exception {
    JsonNode steps = steps(user);
    String taskId = null;
    for (JsonNode step : steps) {
      if (step.get("stepKey").asText().equals(stepKey)) {
        taskId = step.get("taskId").asText();
      }
    }
    assertThat(taskId).as(stepKey + " for " + user).isNotNull();
    assertThat(complete(user, taskId, body).statusCode()).isEqualTo(204);
  }
}
