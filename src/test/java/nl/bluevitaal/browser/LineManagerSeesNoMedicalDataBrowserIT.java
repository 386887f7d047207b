package nl.bluevitaal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.MedicalNotes;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.support.Browser;
import nl.bluevitaal.support.BrowserTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The line manager walks every page within reach — home, the team, the team case and every link on them, two links
 * deep — and never meets a medical field: not the company doctor's medical note, not the counsellor's contact
 * moment, no "Medische aantekeningen", no diagnosis label, no medical form. The case is at the plan of action, with a
 * problem analysis the employee released, so the pages show as much as a line manager ever gets.
 */
@DemoAppTest
@BrowserTest
class LineManagerSeesNoMedicalDataBrowserIT {

  private static final Logger log = LoggerFactory.getLogger(LineManagerSeesNoMedicalDataBrowserIT.class);
  private static final int MAX_PAGES = 40;

  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JourneyTasks tasks;
  @Autowired
  CaseDocuments documents;
  @Autowired
  DocumentChanges changes;
  @Autowired
  MedicalNotes medicalNotes;
  @Autowired
  ContactMoments contactMoments;

  @Test
  void noPageWithinTheLineManagersReachShowsMedicalData(Browser browser) {
    String run = CaseFixtures.tag("pm");
    String counsellor = fixtures.user("pmc", Groups.COUNSELLOR);
    String doctor = fixtures.user("pmd", Groups.COMPANY_DOCTOR);
    String employee = fixtures.user("pme", Groups.EMPLOYEE);
    String lineManager = fixtures.user("pml", Groups.LINE_MANAGER);
    // The line manager's team is this one case, so the walk below covers everything within their reach.
    UUID caseId = fixtures.sickCase(SickCase.of(employee, "Piet Privé " + run).team("Team Privé " + run, lineManager)
        .counselledBy(counsellor, doctor).since(LocalDate.now().minusDays(30)));
    Actor doctorActor = CaseFixtures.actor(doctor, Groups.COMPANY_DOCTOR);
    Actor counsellorActor = CaseFixtures.actor(counsellor, Groups.COUNSELLOR);
    Actor employeeActor = CaseFixtures.actor(employee, Groups.EMPLOYEE);

    String medicalMarker = "MEDMARK" + run + " diagnose PTSS, EMDR-behandeling gestart";
    String contactMarker = "CONTACTMARK" + run + " slaapt slecht sinds het incident";
    String functionalMarker = "FUNCMARK" + run + " geen nachtdiensten";
    medicalNotes.add(doctorActor, caseId, medicalMarker);
    contactMoments.add(counsellorActor, caseId, null, ContactMoment.Kind.CONVERSATION, contactMarker, false);

    // The journey up to the plan of action, with a problem analysis the employee released.
    tasks.complete(caseId, step(caseId, "Task_Intake"), Map.of("workConflict", false, "expectedAbsenceWeeks", 2));
    CaseDocument analysis = changes.create(doctorActor, caseId, DocumentType.PROBLEM_ANALYSIS, "Probleemanalyse",
        "## prognose\nTerugkeer is haalbaar.", new FunctionalAdvice(functionalMarker, "Vier uur per dag.",
            "Opbouw in uren.", null, "Drie maanden"));
    changes.changeStatus(doctorActor, caseId, analysis.id(), analysis.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);
    CaseDocument underReview = documents.get(employeeActor, caseId, analysis.id());
    changes.changeStatus(employeeActor, caseId, analysis.id(), underReview.version(), DocumentStatus.RELEASED);
    tasks.complete(caseId, step(caseId, "Task_ProblemAnalysis"), Map.of());
    tasks.complete(caseId, step(caseId, "Task_ReviewProblemAnalysis"), Map.of("correctionRequested", false));
    CaseDocument plan = changes.create(counsellorActor, caseId, DocumentType.PLAN_OF_ACTION, "Plan van aanpak",
        "## doel\nTerug in de eigen functie.\n\n## afspraken\nElke twee weken.", null);
    changes.changeStatus(counsellorActor, caseId, plan.id(), plan.version(), DocumentStatus.RELEASED);
    tasks.complete(caseId, step(caseId, "Task_DraftPlanOfAction"), Map.of());

    browser.reset(1280, 900);
    browser.login(lineManager, CaseFixtures.PASSWORD);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.path().equals("/"));

    Map<String, List<String>> findings = new LinkedHashMap<>();
    Set<String> visited = new LinkedHashSet<>();
    Deque<String[]> queue = new ArrayDeque<>();
    for (String start : List.of("/", "/team", "/team/" + caseId, "/dossiers/" + caseId)) {
      queue.add(new String[] {start, "0"});
    }
    while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
      String[] next = queue.poll();
      String path = next[0];
      int depth = Integer.parseInt(next[1]);
      if (!visited.add(path)) {
        continue;
      }
      browser.open(path);
      String text = browser.text();
      String html = browser.driver().getPageSource();
      String lowerText = text.toLowerCase(Locale.ROOT);
      String lowerHtml = html.toLowerCase(Locale.ROOT);
      List<String> problems = new ArrayList<>();
      if (html.contains("MEDMARK" + run)) {
        problems.add("shows the company doctor's medical note");
      }
      if (html.contains("CONTACTMARK" + run)) {
        problems.add("shows the counsellor's contact moment");
      }
      for (String word : List.of("medische aantekening", "diagnose", "behandeling", "medisch dossier")) {
        if (lowerText.contains(word)) {
          problems.add("page text contains '" + word + "'");
        }
      }
      for (String field : List.of("medische-aantekeningen", "contactmomenten", "name=\"diagnose",
          "name=\"samenvatting\"", "id=\"medical-heading\"")) {
        if (lowerHtml.contains(field)) {
          problems.add("HTML contains '" + field + "'");
        }
      }
      if (!problems.isEmpty()) {
        findings.put(path, problems);
      }
      if (depth < 2) {
        for (String link : links(browser)) {
          if (!visited.contains(link)) {
            queue.add(new String[] {link, String.valueOf(depth + 1)});
          }
        }
      }
    }

    log.info("Line manager pages visited: {}", visited);
    assertThat(visited).as("the walk reached the team case").contains("/team/" + caseId);
    assertThat(findings).as("medical data on pages the line manager reaches (visited %s)", visited).isEmpty();

    // What the line manager may see is there: the walk did not just hit error pages.
    browser.open("/team/" + caseId);
    assertThat(browser.text()).contains("Plan van aanpak");

    // The case file is not for the line manager: /dossiers/{id} leads to the team page of the case, which holds
    // neither the counsellor's conversation notes nor the doctor's medical note.
    browser.open("/dossiers/" + caseId);
    assertThat(browser.path()).as("a line manager opening the case file").isEqualTo("/team/" + caseId);
    assertThat(browser.driver().getPageSource()).doesNotContain("CONTACTMARK" + run, "MEDMARK" + run);
  }

  /** The in-app links of the current page: hrefs starting with "/", without logout, PDFs and fragments. */
  @SuppressWarnings("unchecked")
  private static List<String> links(Browser browser) {
    List<String> hrefs = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));");
    List<String> result = new ArrayList<>();
    for (String href : hrefs) {
      if (href == null || !href.startsWith("/") || href.startsWith("//")) {
        continue;
      }
      String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
      if (path.isEmpty() || path.startsWith("/logout") || path.endsWith(".pdf") || path.startsWith("/camunda")
          || path.startsWith("/api") || path.startsWith("/engine-rest") || path.startsWith("/vendor")
          || path.startsWith("/css")) {
        continue;
      }
      result.add(path);
    }
    return result;
  }

  private String step(UUID caseId, String stepKey) {
    return tasks.openSteps(caseId).stream().filter(s -> s.stepKey().equals(stepKey)).findFirst()
        .orElseThrow(() -> new AssertionError(stepKey + " is not open: " + tasks.openSteps(caseId))).taskId();
  }
}
