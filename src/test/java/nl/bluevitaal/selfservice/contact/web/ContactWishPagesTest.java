package nl.bluevitaal.selfservice.contact.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseloadBadges;
import nl.bluevitaal.casefile.ContactMoment;
import nl.bluevitaal.casefile.ContactMoments;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ContactWishProcess;
import nl.bluevitaal.journey.ContactWishes;
import nl.bluevitaal.journey.ContactWishes.ContactWish;
import nl.bluevitaal.journey.MySteps;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.Audience;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.SharingChange;
import nl.bluevitaal.privacy.SharingSettings;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.PageSection;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Ik wil contact" on the whole application: the form says who sees the wish, a wish not shared goes nowhere and the
 * employee is told, a shared one is a step with its due date in the counsellor's task list and a count on their home
 * page, the employee sees who calls and by when, only the addressee reads the wish, and recording the call closes it.
 */
@ApplicationTest
class ContactWishPagesTest {

  @Autowired MockMvc mvc;
  @Autowired CaseFixtures fixtures;
  @Autowired MySteps mySteps;
  @Autowired ContactMoments moments;
  @Autowired AuditTrail auditTrail;
  @Autowired SharingSettings sharing;
  @Autowired Clock clock;

  CaseFixtures.People p;

  @BeforeEach
  void aCaseWithEveryone() {
    p = fixtures.people("cw");
  }

  @Test
  void theFormNamesWhoWouldSeeTheWishAndThatItIsNotSharedYet() throws Exception {
    MvcResult page = mvc.perform(get("/mijn-traject/contact").with(employee()))
        .andExpect(status().isOk()).andExpect(view().name("selfservice/contact/contact")).andReturn();
    List<ContactWishes.Addressee> addressees = attribute(page, "addressees");
    assertThat(addressees).extracting(ContactWishes.Addressee::with, ContactWishes.Addressee::userId,
            ContactWishes.Addressee::sharedStanding)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ContactWishes.With.COUNSELLOR, p.counsellor(), false),
            org.assertj.core.groups.Tuple.tuple(ContactWishes.With.DOCTOR, p.doctor(), false));
    assertThat(addressees.get(0).name()).isEqualTo(p.counsellor() + " Test");
    assertThat(page.getResponse().getContentAsString())
        .contains("Je deelt dit nu niet met " + p.counsellor() + " Test");
  }

  @Test
  void aWishNotSharedReachesNobodyAndTheEmployeeIsTold() throws Exception {
    MvcResult page = mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEGELEIDER").param("toelichting", "Ik slaap slecht"))
        .andExpect(status().isUnprocessableEntity()).andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsEntry("delen", "contact.error.delen");
    assertThat(form.value("toelichting")).isEqualTo("Ik slaap slecht");
    assertThat(contactSteps(p.counsellor())).isEmpty();
  }

  @Test
  void badInputComesBackBesideTheFieldsWithWhatWasTyped() throws Exception {
    MvcResult page = mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "DE_BUURMAN").param("toelichting", "x".repeat(501)).param("delen", "ja"))
        .andExpect(status().isUnprocessableEntity()).andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsEntry("met", "contact.error.met")
        .containsEntry("toelichting", "contact.error.toelichting");
    assertThat(form.value("toelichting")).hasSize(501);
  }

  @Test
  void aCrookedDocumentIdNobodyInTheRoleAndAnotherRoleGetAnswersNotErrors() throws Exception {
    MvcResult crooked = mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEGELEIDER").param("aanleiding", "DOCUMENT").param("documentId", "-".repeat(36))
            .param("delen", "ja"))
        .andExpect(status().isUnprocessableEntity()).andReturn();
    assertThat(((FormState) attribute(crooked, "form")).errors())
        .containsEntry("documentId", "contact.error.documentId");

    String alone = fixtures.user("cwa", Groups.EMPLOYEE);
    fixtures.sickCase(CaseFixtures.SickCase.of(alone, "Zonder Arts " + CaseFixtures.tag("cwa"))
        .counselledBy(p.counsellor(), null));
    MvcResult nobody = mvc.perform(post("/mijn-traject/contact").with(as(alone, Groups.EMPLOYEE)).with(csrf())
            .param("met", "BEDRIJFSARTS").param("delen", "ja"))
        .andExpect(status().isUnprocessableEntity()).andReturn();
    assertThat(((FormState) attribute(nobody, "form")).errors()).containsEntry("met", "contact.error.nobody");

    // Mijn traject's pages are the employee's: another role is refused (403, recorded), not told "no case".
    mvc.perform(get("/mijn-traject/contact").with(as(p.lineManager(), Groups.LINE_MANAGER)))
        .andExpect(status().isForbidden());
  }

  @Test
  void aSharedWishIsAStepForTheCounsellorAndTheEmployeeSeesWhoCallsByWhen() throws Exception {
    mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEGELEIDER").param("aanleiding", "ZOMAAR").param("toelichting", "Graag even bellen")
            .param("delen", "ja"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/mijn-traject/contact"));

    List<MySteps.StepRow> steps = contactSteps(p.counsellor());
    assertThat(steps).hasSize(1);
    LocalDate nextWorkingDay = nextWorkingDay(LocalDate.now(clock));
    assertThat(steps.get(0).dueOn()).isEqualTo(nextWorkingDay);
    assertThat(steps.get(0).caseView().id()).isEqualTo(p.caseId());

    MvcResult page = mvc.perform(get("/mijn-traject/contact").with(employee())).andExpect(status().isOk())
        .andReturn();
    List<ContactWish> open = attribute(page, "open");
    assertThat(open).singleElement().satisfies(w -> {
      assertThat(w.addresseeName()).isEqualTo(p.counsellor() + " Test");
      assertThat(w.dueOn()).isEqualTo(nextWorkingDay);
      assertThat(w.consent()).isEqualTo(ContactWishes.Consent.THIS_WISH);
    });
    assertThat(page.getResponse().getContentAsString()).contains(p.counsellor() + " Test belt je uiterlijk");

    // Not twice: the open one is named instead.
    MvcResult again = mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEGELEIDER").param("delen", "ja"))
        .andExpect(status().isConflict()).andReturn();
    assertThat(((FormState) attribute(again, "form")).formError()).isEqualTo("contact.error.open");
    assertThat(contactSteps(p.counsellor())).hasSize(1);

    // The counsellor's home page counts it.
    MvcResult home = mvc.perform(get("/").with(as(p.counsellor(), Groups.COUNSELLOR))).andExpect(status().isOk())
        .andReturn();
    assertThat(home.getResponse().getContentAsString()).contains("1 medewerker wil contact");
    // And their caseload marks the row; another counsellor's caseload does not.
    MvcResult caseload = mvc.perform(get("/begeleiding/caseload").with(as(p.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andReturn();
    Map<UUID, CaseloadBadges.Badge> badges = attribute(caseload, "badges");
    assertThat(badges).containsEntry(p.caseId(), new CaseloadBadges.Badge("journey.contact.badge", 1));
    assertThat(caseload.getResponse().getContentAsString()).contains("wil contact");
    MvcResult other = mvc.perform(get("/begeleiding/caseload").with(as(p.otherCounsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andReturn();
    Map<UUID, CaseloadBadges.Badge> otherBadges = attribute(other, "badges");
    assertThat(otherBadges).doesNotContainKey(p.caseId());
  }

  @Test
  void onlyTheAddresseeReadsTheWishAndRecordingTheCallClosesIt() throws Exception {
    // The standing sharing choice covers it: no tick needed.
    sharing.update(p.asEmployee(), p.caseId(), sharing.get(p.asEmployee(), p.caseId()).version(),
        List.of(new SharingChange(Domain.SELF_REPORTS, Audience.COUNSELLOR, true)));
    mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEGELEIDER").param("toelichting", "Over de re-integratie"))
        .andExpect(status().is3xxRedirection());
    String taskId = contactSteps(p.counsellor()).get(0).step().taskId();
    String stepPage = "/contactverzoeken/" + p.caseId() + "/" + taskId;

    // The task list's link leads there.
    mvc.perform(get("/taken/" + p.caseId() + "/" + taskId).with(as(p.counsellor(), Groups.COUNSELLOR)))
        .andExpect(redirectedUrl(stepPage));
    MvcResult page = mvc.perform(get(stepPage).with(as(p.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(view().name("journey/contact-step")).andReturn();
    ContactWish wish = attribute(page, "wish");
    assertThat(wish.note()).isEqualTo("Over de re-integratie");
    assertThat(wish.consent()).isEqualTo(ContactWishes.Consent.STANDING);

    // Nobody else: another counsellor, the line manager, the doctor (the wish is not theirs).
    for (RequestPostProcessor other : List.of(as(p.otherCounsellor(), Groups.COUNSELLOR),
        as(p.lineManager(), Groups.LINE_MANAGER), as(p.doctor(), Groups.COMPANY_DOCTOR))) {
      MvcResult refused = mvc.perform(get(stepPage).with(other)).andReturn();
      assertThat(refused.getResponse().getStatus()).isEqualTo(404);
      assertThat(refused.getResponse().getContentAsString()).doesNotContain("Over de re-integratie");
    }
    assertThat(auditTrail.forCase(p.caseId())).filteredOn(e -> e.action() == AuditAction.REFUSED)
        .extracting(e -> e.actorUserId()).contains(p.otherCounsellor(), p.lineManager(), p.doctor());
    assertThat(auditTrail.forCase(p.caseId())).filteredOn(e -> e.action() == AuditAction.READ
        && e.domain() == Domain.SELF_REPORTS).extracting(e -> e.actorUserId()).contains(p.counsellor());

    // A date in the future is refused beside the field.
    MvcResult bad = mvc.perform(post(stepPage).with(as(p.counsellor(), Groups.COUNSELLOR)).with(csrf())
            .param("soort", "PHONE").param("datum", LocalDate.now(clock).plusDays(3).toString()))
        .andExpect(status().isUnprocessableEntity()).andReturn();
    assertThat(((FormState) attribute(bad, "form")).errors()).containsEntry("datum", "journey.contact.error.datum-future");

    mvc.perform(post(stepPage).with(as(p.counsellor(), Groups.COUNSELLOR)).with(csrf())
            .param("soort", "PHONE").param("datum", LocalDate.now(clock).toString())
            .param("verslag", "Gebeld, afspraak gemaakt"))
        .andExpect(redirectedUrl("/taken"));
    assertThat(contactSteps(p.counsellor())).isEmpty();
    assertThat(moments.list(p.asCounsellor(), p.caseId())).extracting(ContactMoment::kind, ContactMoment::summary)
        .contains(org.assertj.core.groups.Tuple.tuple(ContactMoment.Kind.PHONE, "Gebeld, afspraak gemaakt"));

    MvcResult mine = mvc.perform(get("/mijn-traject/contact").with(employee())).andReturn();
    assertThat((List<?>) attribute(mine, "open")).isEmpty();
    assertThat(mine.getResponse().getContentAsString()).contains(p.counsellor() + " Test heeft contact met je gehad op");
  }

  @Test
  void mijnTrajectSaysRightUnderTeDoenWhoCallsByWhenAndBrieflyThatTheContactWasMade() throws Exception {
    mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEGELEIDER").param("toelichting", "Graag even bellen").param("delen", "ja"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEDRIJFSARTS").param("aanleiding", "CHECK_IN").param("vandaag", "ja").param("delen", "ja"))
        .andExpect(status().is3xxRedirection());

    MvcResult open = mvc.perform(get("/mijn-traject").with(employee())).andExpect(status().isOk()).andReturn();
    List<PageSection.Section> sections = attribute(open, "contactSections");
    assertThat(sections).singleElement().satisfies(s -> assertThat(s.key()).isEqualTo("contact"));
    String html = open.getResponse().getContentAsString();
    String day = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.forLanguageTag("nl"))
        .format(nextWorkingDay(LocalDate.now(clock)));
    assertThat(html).contains(">Wie belt je<", p.counsellor() + " Test belt je uiterlijk " + day + ".",
        "Dat is je begeleider.", p.doctor() + " Test belt je vandaag nog.", "Dat is je bedrijfsarts.");
    int toDo = html.indexOf("id=\"te-doen\"");
    int contact = html.indexOf("id=\"mijn-contact\"");
    assertThat(List.of(toDo, contact, html.indexOf("id=\"waar\""))).isSorted().doesNotContain(-1);

    String taskId = contactSteps(p.counsellor()).get(0).step().taskId();
    mvc.perform(post("/contactverzoeken/" + p.caseId() + "/" + taskId).with(as(p.counsellor(), Groups.COUNSELLOR))
            .with(csrf()).param("soort", "PHONE").param("datum", LocalDate.now(clock).toString()))
        .andExpect(redirectedUrl("/taken"));
    String answered = mvc.perform(get("/mijn-traject").with(employee())).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(answered).contains(p.counsellor() + " Test heeft contact met je gehad op", p.doctor()
        + " Test belt je vandaag nog.").doesNotContain(p.counsellor() + " Test belt je");

    String doctorsTask = contactSteps(p.doctor(), Groups.COMPANY_DOCTOR).get(0).step().taskId();
    mvc.perform(post("/contactverzoeken/" + p.caseId() + "/" + doctorsTask).with(as(p.doctor(), Groups.COMPANY_DOCTOR))
            .with(csrf()).param("soort", "VIDEO").param("datum", LocalDate.now(clock).toString()))
        .andExpect(redirectedUrl("/taken"));
    String bothAnswered = mvc.perform(get("/mijn-traject").with(employee())).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(bothAnswered).contains(">Je vraag om contact<", "heeft contact met je gehad op")
        .doesNotContain(">Wie belt je<", "belt je vandaag");

    // A week later Mijn traject no longer says it; the contact page still does.
    try {
      ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(ContactWishSections
          .DAYS_SHOWN_AFTER_CONTACT + 1))));
      MvcResult later = mvc.perform(get("/mijn-traject").with(employee())).andExpect(status().isOk()).andReturn();
      assertThat((List<?>) attribute(later, "contactSections")).isEmpty();
      assertThat(later.getResponse().getContentAsString()).doesNotContain("id=\"mijn-contact\"");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theDoctorClosingAWishRecordsAConfidentialContactMomentTheEmployerSideDoesNotSee() throws Exception {
    mvc.perform(post("/mijn-traject/contact").with(employee()).with(csrf())
            .param("met", "BEDRIJFSARTS").param("toelichting", "Vraag over mijn advies").param("delen", "ja"))
        .andExpect(status().is3xxRedirection());
    String taskId = contactSteps(p.doctor(), Groups.COMPANY_DOCTOR).get(0).step().taskId();
    String stepPage = "/contactverzoeken/" + p.caseId() + "/" + taskId;
    String form = mvc.perform(get(stepPage).with(as(p.doctor(), Groups.COMPANY_DOCTOR))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(form).contains("De notitie is vertrouwelijk");

    mvc.perform(post(stepPage).with(as(p.doctor(), Groups.COMPANY_DOCTOR)).with(csrf())
            .param("soort", "PHONE").param("datum", LocalDate.now(clock).toString())
            .param("verslag", "Gebeld over het advies"))
        .andExpect(redirectedUrl("/taken"));

    assertThat(contactSteps(p.doctor(), Groups.COMPANY_DOCTOR)).isEmpty();
    assertThat(moments.list(p.asDoctor(), p.caseId())).filteredOn(m -> m.summary().equals("Gebeld over het advies"))
        .singleElement().satisfies(m -> {
          assertThat(m.authorUserId()).isEqualTo(p.doctor());
          assertThat(m.kind()).isEqualTo(ContactMoment.Kind.PHONE);
          assertThat(m.confidential()).isTrue();
        });
    assertThat(moments.list(p.asEmployee(), p.caseId())).extracting(ContactMoment::summary)
        .contains("Gebeld over het advies");
    assertThat(moments.list(p.asCounsellor(), p.caseId())).extracting(ContactMoment::summary)
        .doesNotContain("Gebeld over het advies");
  }

  private List<MySteps.StepRow> contactSteps(String person, String group) {
    return mySteps.steps(CaseFixtures.actor(person, group)).stream()
        .filter(r -> r.step().stepKey().equals(ContactWishProcess.TASK_CONTACT_EMPLOYEE)).toList();
  }

  private List<MySteps.StepRow> contactSteps(String counsellor) {
    return mySteps.steps(CaseFixtures.actor(counsellor, Groups.COUNSELLOR)).stream()
        .filter(r -> r.step().stepKey().equals(ContactWishProcess.TASK_CONTACT_EMPLOYEE)).toList();
  }

  private RequestPostProcessor employee() {
    return as(p.employee(), Groups.EMPLOYEE);
  }

  private static LocalDate nextWorkingDay(LocalDate today) {
    LocalDate day = today.plusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }
}
