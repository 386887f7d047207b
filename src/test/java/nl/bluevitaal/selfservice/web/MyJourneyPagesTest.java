package nl.bluevitaal.selfservice.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.CaseDocuments;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Caseload;
import nl.bluevitaal.casefile.DocumentChanges;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentText;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.ServiceRelated;
import nl.bluevitaal.casefile.SickPaySchedule;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.poortwachter.AbsenceProgress;
import nl.bluevitaal.poortwachter.PayPeriod;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.selfservice.checkin.CheckInProperties;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.PageSection;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Mijn traject" on the whole application: the employee's own file and nobody else's, the documents waiting for them
 * with what they may do, and what privacy contributes (who sees what, who looked).
 */
@ApplicationTest
class MyJourneyPagesTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  CaseDocuments documents;
  @Autowired
  DocumentChanges changes;
  @Autowired
  SharingSettings sharing;
  @Autowired
  CaseRegistry registry;
  @Autowired
  Caseload caseload;
  @Autowired
  Accounts accounts;
  @Autowired
  CheckInProperties checkIn;

  String employee;
  String otherEmployee;
  String counsellor;
  String doctor;
  UUID ownCase;
  UUID otherCase;
  UUID analysis;

  @BeforeEach
  void twoEmployeesWithACaseEach() {
    employee = fixtures.user("mje", Groups.EMPLOYEE);
    otherEmployee = fixtures.user("mjo", Groups.EMPLOYEE);
    // Named like people: the page shows names, never login ids.
    counsellor = fixtures.account(CaseFixtures.tag("mjc"), "Carla", Groups.COUNSELLOR);
    doctor = fixtures.account(CaseFixtures.tag("mjd"), "Dirk", Groups.COMPANY_DOCTOR);
    String tag = CaseFixtures.tag("mj");
    ownCase = fixtures.sickCase(SickCase.of(employee, "Iris Eigen " + tag).counselledBy(counsellor, doctor)
        .since(LocalDate.now().minusDays(2)));
    otherCase = fixtures.sickCase(SickCase.of(otherEmployee, "Olm Ander " + tag).counselledBy(counsellor, doctor)
        .since(LocalDate.now().minusDays(2)));
    analysis = underReview(ownCase, "Eigen analyse: werkt graag met planning.");
    underReview(otherCase, "ANDERMANS-ANALYSE-MARKER");
  }

  @Test
  void theEmployeeSeesTheirOwnJourneyAndNobodyElses() throws Exception {
    MvcResult page = mvc.perform(get("/mijn-traject").with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(view().name("selfservice/mijn-traject"))
        .andExpect(model().attribute("caseId", ownCase))
        .andExpect(model().attribute("formFailed", false))
        .andReturn();
    AbsenceProgress progress = attribute(page, "progress");
    assertThat(progress.week()).isEqualTo(1);
    assertThat(progress.journeyWeeks()).isEqualTo(104);
    List<MyJourneyPage.ToDoRow> toDo = attribute(page, "toDo");
    assertThat(toDo).extracting(row -> row.item().documentId()).containsExactly(analysis);
    MyJourneyPage.DocumentRow review = toDo.get(0).document();
    assertThat(review.correctableValues())
        .containsExactly(Map.entry("tekst", "Eigen analyse: werkt graag met planning."));
    assertThat(review.actions().release()).isTrue();
    assertThat(review.actions().edit()).isTrue();
    PageSection.Section whoSeesWhat = onlySection(page, "sharingSections");
    assertThat(whoSeesWhat.key()).isEqualTo("sharing");
    assertThat(read(whoSeesWhat, "model['domains']")).asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains(Domain.MEDICAL);
    assertThat(onlySection(page, "auditSections").key()).isEqualTo("audit");
    String model = page.getModelAndView().getModel().toString();
    assertThat(model).contains("Eigen analyse: werkt graag met planning.")
        .doesNotContain("ANDERMANS-ANALYSE-MARKER", "Olm Ander", otherCase.toString());

    mvc.perform(get("/mijn-traject").with(as(counsellor, Groups.COUNSELLOR))).andExpect(status().isForbidden());
    mvc.perform(get("/mijn-traject").with(as(doctor, Groups.COMPANY_DOCTOR))).andExpect(status().isForbidden());
  }

  @Test
  void theEmployeeCorrectsAndReleasesTheProblemAnalysisAndAStaleCorrectionKeepsTheText() throws Exception {
    int version = documents.get(employeeActor(), ownCase, analysis).version();
    mvc.perform(post("/mijn-traject/documenten/" + analysis + "/correctie").with(csrf()).with(asEmployee())
            .param("versie", String.valueOf(version)).param("sectie-tekst", "Gecorrigeerd door mij")
            .param("beperkingen", "Niet lang staan").param("verwachteDuur", "Zes weken"))
        .andExpect(redirectedUrl("/mijn-traject"))
        .andExpect(flash().attribute("mineNotice", "mine.correct.done"));
    CaseDocument corrected = documents.get(employeeActor(), ownCase, analysis);
    assertThat(corrected.current().content()).isEqualTo("Gecorrigeerd door mij");
    assertThat(corrected.current().authorRole()).isEqualTo("EMPLOYEE");
    assertThat(corrected.current().functionalAdvice().limitations()).isEqualTo("Niet lang staan");
    assertThat(corrected.current().functionalAdvice().expectedDuration()).isEqualTo("Zes weken");

    MvcResult stale = mvc.perform(post("/mijn-traject/documenten/" + analysis + "/correctie").with(csrf())
            .with(asEmployee()).param("versie", String.valueOf(version))
            .param("sectie-tekst", "Mijn tweede poging met TYPED-MARKER"))
        .andExpect(status().isConflict())
        .andExpect(view().name("selfservice/mijn-traject"))
        .andExpect(model().attribute("formName", "correction"))
        .andExpect(model().attribute("formFailed", true))
        .andReturn();
    MyJourneyPage.BoundForm bound = attribute(stale, "boundForm");
    assertThat(bound.target()).isEqualTo(analysis.toString());
    assertThat(bound.form().formError()).isEqualTo("mine.conflict.document");
    assertThat(bound.form().value("sectie-tekst")).isEqualTo("Mijn tweede poging met TYPED-MARKER");
    // Beside the form, the version now current: sending again quotes it.
    assertThat(Pages.<List<MyJourneyPage.ToDoRow>>attribute(stale, "toDo"))
        .extracting(row -> row.document().document().version()).containsExactly(corrected.version());

    MvcResult blank = mvc.perform(post("/mijn-traject/documenten/" + analysis + "/correctie").with(csrf())
            .with(asEmployee()).param("versie", String.valueOf(corrected.version())).param("sectie-tekst", " "))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("selfservice/mijn-traject"))
        .andReturn();
    assertThat(Pages.<MyJourneyPage.BoundForm>attribute(blank, "boundForm").form().errors())
        .isEqualTo(Map.of("sectie-tekst", "mine.correct.error.required"));

    mvc.perform(post("/mijn-traject/documenten/" + analysis + "/vrijgeven").with(csrf()).with(asEmployee())
            .param("versie", String.valueOf(corrected.version())))
        .andExpect(redirectedUrl("/mijn-traject"))
        .andExpect(flash().attribute("mineNotice", "mine.release.done"));
    assertThat(documents.get(employeeActor(), ownCase, analysis).status()).isEqualTo(DocumentStatus.RELEASED);
  }

  @Test
  void theEmployeeMaySignAPlanNoStepWaitsForAndWritesTheirOwnView() throws Exception {
    Actor c = CaseFixtures.actor(counsellor, Groups.COUNSELLOR);
    CaseDocument draft = changes.create(c, ownCase, DocumentType.PLAN_OF_ACTION, "Plan", "Twee ochtenden werken.",
        null);
    CaseDocument plan = changes.changeStatus(c, ownCase, draft.id(), draft.version(), DocumentStatus.RELEASED);
    MvcResult page = mvc.perform(get("/mijn-traject").with(asEmployee())).andExpect(status().isOk()).andReturn();
    // The journey asks no signature here (no step of the employee's): it may be signed, but it does not wait.
    assertThat(Pages.<List<MyJourneyPage.ToDoRow>>attribute(page, "toDo"))
        .extracting(row -> row.item().documentId()).containsExactly(analysis);
    List<MyJourneyPage.DocumentRow> toRead = attribute(page, "readDocs");
    MyJourneyPage.DocumentRow shown = toRead.stream().filter(r -> r.document().id().equals(plan.id())).findFirst()
        .orElseThrow();
    assertThat(shown.sections()).extracting(DocumentText.Section::field).containsExactly("tekst");
    assertThat(shown.actions().sign()).isTrue();
    mvc.perform(post("/mijn-traject/documenten/" + plan.id() + "/ondertekenen").with(csrf()).with(asEmployee())
            .param("versie", String.valueOf(plan.version())))
        .andExpect(redirectedUrl("/mijn-traject"))
        .andExpect(flash().attribute("mineNotice", "mine.sign.done"));
    assertThat(documents.get(c, ownCase, plan.id()).signOffs()).anyMatch(s -> s.userId().equals(employee));

    mvc.perform(post("/mijn-traject/eigen-visie").with(csrf()).with(asEmployee())
            .param("tekst", "Ik wil graag terug naar mijn eigen team.").param("actie", "opslaan"))
        .andExpect(redirectedUrl("/mijn-traject"))
        .andExpect(flash().attribute("mineNotice", "mine.view.saved"));
    CaseDocument ownView = attribute(mvc.perform(get("/mijn-traject").with(asEmployee()))
        .andExpect(status().isOk()).andReturn(), "ownView");
    assertThat(ownView.type()).isEqualTo(DocumentType.EMPLOYEE_VIEW);
    assertThat(ownView.status()).isEqualTo(DocumentStatus.DRAFT);
    assertThat(ownView.current().content()).isEqualTo("Ik wil graag terug naar mijn eigen team.");

    MvcResult empty = mvc.perform(post("/mijn-traject/eigen-visie").with(csrf()).with(asEmployee()).param("tekst", ""))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name("selfservice/mijn-traject"))
        .andExpect(model().attribute("formName", "view"))
        .andReturn();
    assertThat(Pages.<MyJourneyPage.BoundForm>attribute(empty, "boundForm").form())
        .isEqualTo(new FormState(Map.of("tekst", ""), Map.of("tekst", "mine.view.error.required"), null));
  }

  @Test
  void aSharingChangeIsShownAndAStaleOneKeepsTheChoice() throws Exception {
    int version = sharing.get(employeeActor(), ownCase).version();
    mvc.perform(post("/mijn-traject/delen").with(csrf()).with(asEmployee())
            .param("optie", "SELF_REPORTS.CARE").param("delen", "ja").param("versie", String.valueOf(version)))
        .andExpect(redirectedUrl("/mijn-traject#wie-ziet-wat"))
        .andExpect(flash().attribute("mineNotice", "mine.sharing.done.SELF_REPORTS.CARE.on"))
        .andExpect(flash().attribute("mineNoticeArg", "Dirk Test"));
    assertThat(sharing.isShared(ownCase, Domain.SELF_REPORTS, Audience.CARE)).isTrue();
    // The confirmation and each choice say in words what is shared with whom, not by colour alone.
    MvcResult after = mvc.perform(get("/mijn-traject").with(asEmployee())
            .flashAttr("mineNotice", "mine.sharing.done.SELF_REPORTS.CARE.on").flashAttr("mineNoticeArg", "Dirk Test"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Opgeslagen. Je bedrijfsarts Dirk Test kan nu je check-ins lezen.")))
        .andReturn();
    String html = after.getResponse().getContentAsString();
    assertThat(html).contains("Je bedrijfsarts Dirk Test kan je check-ins lezen.")
        .contains("Je begeleider ziet niet of je contact wilt.")
        .doesNotContain("Je deelt dit nu.");
    assertThat(html.replaceAll("\\s+", " "))
        .contains("data-state=\"on\"> <span>Nu:</span> <strong class=\"bv-status bv-status--met\">Aan</strong>")
        .contains("data-state=\"off\"> <span>Nu:</span> <strong class=\"bv-status\">Uit</strong>");
    PageSection.Section shown = onlySection(after, "sharingSections");
    assertThat(read(shown, "model['rows'].^[key == 'SELF_REPORTS.CARE'].shownAsShared()")).isEqualTo(true);

    MvcResult stale = mvc.perform(post("/mijn-traject/delen").with(csrf()).with(asEmployee())
            .param("optie", "SELF_REPORTS.COUNSELLOR").param("delen", "ja").param("versie", String.valueOf(version)))
        .andExpect(status().isConflict())
        .andExpect(view().name("selfservice/mijn-traject"))
        .andExpect(model().attribute("formFailed", true))
        .andReturn();
    PageSection.Section again = onlySection(stale, "sharingSections");
    String row = "model['rows'].^[key == 'SELF_REPORTS.COUNSELLOR']";
    assertThat(read(again, row + ".formError")).isEqualTo("mine.conflict.sharing");
    assertThat(read(again, row + ".shownAsShared()")).isEqualTo(true);
    assertThat(read(again, row + ".setting.granted")).isEqualTo(false);
    assertThat(sharing.isShared(ownCase, Domain.SELF_REPORTS, Audience.COUNSELLOR)).isFalse();
  }

  @Test
  void theEmployeeSeesThatTheCounsellorReadTheirFile() throws Exception {
    documents.list(CaseFixtures.actor(counsellor, Groups.COUNSELLOR), ownCase);
    PageSection.Section whoLooked = onlySection(mvc.perform(get("/mijn-traject").with(asEmployee()))
        .andExpect(status().isOk()).andReturn(), "auditSections");
    @SuppressWarnings("unchecked")
    List<AuditEvent> latest = (List<AuditEvent>) read(whoLooked, "model['groups'][0].latest");
    assertThat(latest).anySatisfy(event -> {
      assertThat(event.actorUserId()).isEqualTo(counsellor);
      assertThat(event.actorRole()).isEqualTo("counsellor");
      assertThat(event.action()).isEqualTo(AuditAction.READ);
    });

    // Others first, by person with name and role; the employee's own visits only when asked.
    assertThat(latest).extracting(AuditEvent::actorUserId).doesNotContain(employee);
    assertThat(read(whoLooked, "model['groups'][0].name")).isEqualTo("Carla Test");
    assertThat(read(whoLooked, "model['groups'][0].role")).isEqualTo("counsellor");
    assertThat((Integer) read(whoLooked, "model['ownCount']")).isPositive();
    assertThat((Integer) read(whoLooked, "model['total']"))
        .isGreaterThanOrEqualTo((Integer) read(whoLooked, "model['groups'][0].count")).isPositive();

    MvcResult all = mvc.perform(get("/mijn-traject/wie-keek").with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(view().name("privacy/wie-keek"))
        .andExpect(model().attribute("page", 1))
        .andExpect(model().attribute("withOwn", false))
        .andExpect(content().string(containsString("Ook mijn eigen bezoeken tonen")))
        .andExpect(content().string(containsString("Carla Test")))
        .andReturn();
    assertThat(Pages.<List<AuditEvent>>attribute(all, "events")).extracting(AuditEvent::actorUserId)
        .contains(counsellor).doesNotContain(employee);
    assertThat(all.getResponse().getContentAsString()).doesNotContain("(" + counsellor + ")");

    MvcResult withOwn = mvc.perform(get("/mijn-traject/wie-keek").param("eigen", "ja").with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(model().attribute("withOwn", true))
        .andExpect(content().string(containsString("Mijn eigen bezoeken verbergen")))
        .andReturn();
    assertThat(Pages.<List<AuditEvent>>attribute(withOwn, "events")).extracting(AuditEvent::actorUserId)
        .contains(counsellor, employee);
  }

  @Test
  void theEmployeeSeesWhatTheyAreStillPaidWithTodaysPeriodMarkedAndFullPayWhenTheServiceCausedIt()
      throws Exception {
    LocalDate firstSickDay = registry.get(ownCase).firstSickDay();
    MvcResult page = mvc.perform(get("/mijn-traject").with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(view().name("selfservice/mijn-traject"))
        .andExpect(content().string(containsString("Je salaris tijdens ziekte")))
        .andExpect(content().string(containsString("Hier ben je nu")))
        .andReturn();
    SickPaySchedule pay = attribute(page, "pay");
    assertThat(pay.serviceRelated()).isEqualTo(ServiceRelated.UNKNOWN);
    PayPeriod firstYear = new PayPeriod(firstSickDay, firstSickDay.plusDays(363), 100, 1, 52);
    assertThat(pay.periods()).containsExactly(firstYear,
        new PayPeriod(firstSickDay.plusDays(364), firstSickDay.plusDays(727), 70, 53, 104));
    assertThat(Pages.<PayPeriod>attribute(page, "payNow")).isEqualTo(firstYear);
    assertThat(Pages.<Boolean>attribute(page, "payMoved")).isFalse();

    Actor theCounsellor = CaseFixtures.actor(counsellor, Groups.COUNSELLOR);
    caseload.recordServiceRelated(theCounsellor, ownCase, ServiceRelated.YES,
        caseload.detail(theCounsellor, ownCase).summary().version());
    MvcResult serviceRelated = mvc.perform(get("/mijn-traject").with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("In je dossier staat dat je ziek bent door je werk")))
        .andReturn();
    PayPeriod fullPay = new PayPeriod(firstSickDay, firstSickDay.plusDays(727), 100, 1, 104);
    assertThat(Pages.<SickPaySchedule>attribute(serviceRelated, "pay").periods()).containsExactly(fullPay);
    assertThat(Pages.<PayPeriod>attribute(serviceRelated, "payNow")).isEqualTo(fullPay);
  }


  @Test
  void whatWaitsComesFirstThenWhereIStandGoalsAndToolsAndTheRestIsFoldedWithTheLawLast() throws Exception {
    String html = mvc.perform(get("/mijn-traject").with(asEmployee())).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    int toDo = html.indexOf("id=\"te-doen\"");
    int where = html.indexOf("id=\"waar\"");
    int goals = html.indexOf("id=\"doelen\"");
    int tools = html.indexOf("id=\"zelf-doen\"");
    int documents = html.indexOf("<details class=\"bv-section bv-mine__fold\" id=\"documenten\"");
    int law = html.indexOf("<details class=\"bv-section bv-mine__fold\" id=\"wet\">");
    assertThat(toDo).isPositive();
    assertThat(List.of(toDo, where, goals, tools, documents, law)).isSorted().doesNotContain(-1);
    // A week-1 employee does not meet the 104-week bar or the WIA application before the folded law section.
    assertThat(html.indexOf("WIA-aanvraag")).isGreaterThan(law);
    assertThat(html.indexOf("bv-timeline__bar")).isGreaterThan(law);
    assertThat(html).contains("/mijn-traject/check-in", "/mijn-traject/energiebalans",
        "/mijn-traject/terugvalpreventie", "/mijn-traject/thuisfront", "/mijn-traject/contact",
        "/mijn-traject/doelen");
    // No staff page is offered to the employee.
    assertThat(html).doesNotContain("href=\"/taken", "href=\"/zaken", "href=\"/dossiers");
  }

  @Test
  void peopleAppearByNameAndRoleNeverByLoginId() throws Exception {
    MvcResult page = mvc.perform(get("/mijn-traject").with(asEmployee())).andExpect(status().isOk()).andReturn();
    assertThat(Pages.<List<MyJourney.Person>>attribute(page, "people"))
        .extracting(MyJourney.Person::name, MyJourney.Person::role)
        .containsExactly(tuple("Carla Test", "counsellor"),
            tuple("Dirk Test", "doctor"));
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains("Carla Test</strong>,", "je begeleider", "Dirk Test</strong>,", "je bedrijfsarts")
        .doesNotContain(">" + counsellor + "<", ">" + doctor + "<");
  }

  @Test
  void theCounsellorDoctorAndLineManagerAreReachableByMailAndTheCareByTheCareUnitsNumber() throws Exception {
    String tag = CaseFixtures.tag("mjr");
    String reachable = fixtures.user("mjr", Groups.EMPLOYEE);
    String withMail = tag + "-c";
    accounts.ensureUser(withMail, "Cora", "Mail", "cora@bluevitaal.test", "x", List.of(Groups.COUNSELLOR));
    String manager = fixtures.account(tag + "-l", "Lotte", Groups.LINE_MANAGER);
    fixtures.sickCase(SickCase.of(reachable, "Rein Bereik " + tag).team("Team " + tag, manager)
        .counselledBy(withMail, doctor).since(LocalDate.now().minusDays(2)));

    MvcResult page = mvc.perform(get("/mijn-traject").with(as(reachable, Groups.EMPLOYEE))).andExpect(status().isOk())
        .andReturn();

    assertThat(Pages.<List<MyJourney.Person>>attribute(page, "people"))
        .extracting(MyJourney.Person::name, MyJourney.Person::role, MyJourney.Person::email,
            MyJourney.Person::viaCareUnit)
        .containsExactly(tuple("Cora Mail", "counsellor", "cora@bluevitaal.test", true),
            tuple("Dirk Test", "doctor", null, true), tuple("Lotte Test", "lineManager", null, false));
    MyJourney.CareUnit careUnit = attribute(page, "careUnit");
    assertThat(careUnit.phone()).isEqualTo(checkIn.help().careUnitPhone());
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains("Lotte Test</strong>,", "je leidinggevende", "href=\"mailto:cora@bluevitaal.test\"",
        "Bellen via " + checkIn.help().careUnit() + ":", "href=\"tel:" + careUnit.dial() + "\"",
        checkIn.help().careUnit() + " is bereikbaar " + checkIn.help().careUnitHours() + ".");
    // The care unit's number is the counsellor's and the doctor's way to call, not the line manager's.
    String managerItem = html.substring(html.indexOf("data-role=\"lineManager\""));
    assertThat(managerItem.substring(0, managerItem.indexOf("</li>"))).doesNotContain("tel:");
  }

  @Test
  void theEmployeeCorrectsTheDocumentAsPlainTextSectionBySectionAndItIsStoredInItsFormat() throws Exception {
    Actor d = CaseFixtures.actor(doctor, Groups.COMPANY_DOCTOR);
    String stored = DocumentContent.content(DocumentType.CURRENT_OPINION, Map.of(
        "mogelijkheden", "- Bureauwerk\n- Korte overleggen", "beperkingen", "Geen nachtdiensten",
        "prognose", "Herstel in fasen"));
    assertThat(stored).contains("## mogelijkheden");
    CaseDocument opinion = changes.create(d, ownCase, DocumentType.CURRENT_OPINION, "Actueel oordeel", stored, null);
    opinion = changes.changeStatus(d, ownCase, opinion.id(), opinion.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);

    MvcResult page = mvc.perform(get("/mijn-traject").with(asEmployee())).andExpect(status().isOk()).andReturn();
    UUID opinionId = opinion.id();
    MyJourneyPage.DocumentRow row = Pages.<List<MyJourneyPage.ToDoRow>>attribute(page, "toDo").stream()
        .filter(t -> t.item().documentId().equals(opinionId)).findFirst().orElseThrow().document();
    assertThat(row.correctable()).extracting(Correction.Field::name)
        .containsExactly("mogelijkheden", "beperkingen", "prognose");
    assertThat(row.correctableValues()).containsEntry("mogelijkheden", "- Bureauwerk\n- Korte overleggen")
        .containsEntry("prognose", "Herstel in fasen");
    String html = page.getResponse().getContentAsString();
    String form = html.substring(html.indexOf("/mijn-traject/documenten/" + opinionId + "/correctie"));
    form = form.substring(0, form.indexOf("</form>"));
    // Plain text with the reader's labels, never the stored markup.
    assertThat(form).doesNotContain("## ").contains("name=\"sectie-mogelijkheden\"", "- Bureauwerk",
        "Herstel in fasen", ">Actuele mogelijkheden<", ">Prognose<");

    // A line that looks like markup stays text: it never splits a section.
    mvc.perform(post("/mijn-traject/documenten/" + opinionId + "/correctie").with(csrf()).with(asEmployee())
            .param("versie", String.valueOf(opinion.version()))
            .param("sectie-mogelijkheden", "- Bureauwerk\n- Korte overleggen\n- Thuiswerken")
            .param("sectie-beperkingen", "")
            .param("sectie-prognose", "Herstel in fasen\n## advies\nDit schreef ik zelf"))
        .andExpect(redirectedUrl("/mijn-traject"));

    CaseDocument corrected = documents.get(employeeActor(), ownCase, opinionId);
    assertThat(corrected.current().authorRole()).isEqualTo("EMPLOYEE");
    assertThat(DocumentContent.parse(corrected.current().content())).containsExactly(
        Map.entry("mogelijkheden", "- Bureauwerk\n- Korte overleggen\n- Thuiswerken"),
        Map.entry("prognose", "Herstel in fasen\n## advies\nDit schreef ik zelf"));
    assertThat(DocumentText.of(corrected)).extracting(DocumentText.Section::field)
        .containsExactly("mogelijkheden", "prognose");
    // And the next correction starts from that text, as the employee wrote it.
    assertThat(Correction.values(corrected))
        .containsEntry("prognose", "Herstel in fasen\n## advies\nDit schreef ik zelf");
  }

  @Test
  void documentsReadAsFormattedTextNeverAsMarkupAndStoredTextCannotInjectHtml() throws Exception {
    Actor c = CaseFixtures.actor(counsellor, Groups.COUNSELLOR);
    String content = DocumentContent.content(DocumentType.EVALUATION, Map.of(
        "afspraken", "- Twee ochtenden werken\n- Elke week wandelen",
        "doelen", "<script>alert('x')</script> en <b>vet</b>",
        "volgendeEvaluatie", "2026-10-31"));
    assertThat(content).contains("## volgendeEvaluatie");
    CaseDocument evaluation = changes.create(c, ownCase, DocumentType.EVALUATION, "Evaluatie", content, null);
    changes.changeStatus(c, ownCase, evaluation.id(), evaluation.version(), DocumentStatus.RELEASED);

    String html = mvc.perform(get("/mijn-traject").with(asEmployee())).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(html).doesNotContain("## ", "volgendeEvaluatie\n", "2026-10-31</", "<script>alert", "<b>vet</b>")
        .contains("Volgende evaluatie", "31 oktober 2026", "Afspraken", "<li>Twee ochtenden werken</li>",
            "<li>Elke week wandelen</li>", "Voortgang op de doelen", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  @Test
  void thePageSpeaksEnglishWhenAsked() throws Exception {
    MvcResult english = mvc.perform(get("/mijn-traject").param("lang", "en").with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(view().name("selfservice/mijn-traject"))
        .andReturn();
    assertThat(english.getResponse().getLocale()).isEqualTo(Locale.ENGLISH);
  }

  private UUID underReview(UUID caseId, String text) {
    Actor d = CaseFixtures.actor(doctor, Groups.COMPANY_DOCTOR);
    CaseDocument doc = changes.create(d, caseId, DocumentType.PROBLEM_ANALYSIS, "Probleemanalyse", text,
        new FunctionalAdvice("Niet tillen", "Bureauwerk", "Halve dagen", "Andere stoel", "Zes weken"));
    changes.changeStatus(d, caseId, doc.id(), doc.version(), DocumentStatus.FOR_EMPLOYEE_REVIEW);
    return doc.id();
  }

  /** The one section of a slot, as the page's template gets it. */
  private PageSection.Section onlySection(MvcResult page, String slot) {
    List<PageSection.Section> sections = attribute(page, slot);
    assertThat(sections).as(slot).hasSize(1);
    return sections.get(0);
  }

  /** A value of a section's model as its fragment reads it: the types are the contributing module's own. */
  private static Object read(PageSection.Section section, String expression) {
    return new SpelExpressionParser().parseExpression(expression).getValue(new StandardEvaluationContext(section));
  }


  private Actor employeeActor() {
    return CaseFixtures.actor(employee, Groups.EMPLOYEE);
  }

  private RequestPostProcessor asEmployee() {
    return as(employee, Groups.EMPLOYEE);
  }

}
