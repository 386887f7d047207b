package nl.bluevitaal.notices;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditEvent;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.Pages;
import nl.bluevitaal.web.PageSection;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The journey's notices reach their recipient on the home page and the task list, are marked read with "Gelezen"
 * (htmx or a plain post), and are nobody else's: another person does not see them and cannot mark them read (404,
 * recorded as a refusal). Without {@code spring.mail.host} nothing is mailed and a notice is still kept.
 */
@ApplicationTest
class NoticesPageTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  Notices notices;
  @Autowired
  NoticeBoard board;
  @Autowired
  AuditTrail audit;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ApplicationContext context;

  People people;
  String caseNumber;

  @BeforeEach
  void aCase() {
    people = fixtures.people("nt");
    caseNumber = jdbc.queryForObject("select case_number from reintegration_case where id = ?", String.class,
        people.caseId());
  }

  @Test
  void theCounsellorSeesTheirNoticeOnTheHomePageWithTheCaseNumberAndTheDueDate() throws Exception {
    Notice warning = warning(people.counsellor(), "Probleemanalyse: termijn over 14 dagen (15 feb 2026)");
    notices.send(warning);

    MvcResult home = mvc.perform(get("/").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(view().name("workspace/home"))
        .andExpect(content().string(containsString(caseNumber)))
        .andExpect(content().string(containsString("Probleemanalyse: termijn over 14 dagen (15 feb 2026)")))
        .andExpect(content().string(containsString("15 februari 2026")))
        .andExpect(content().string(containsString("Gelezen")))
        .andExpect(content().string(not(containsString(people.employeeName()))))
        .andReturn();

    PageSection.Section section = notices(attribute(home, "mainSections"));
    assertThat(unread(section)).singleElement().satisfies(stored -> {
      assertThat(stored.notice()).isEqualTo(warning.leadingTo("/dossiers/" + people.caseId()));
      assertThat(stored.caseNumber()).isEqualTo(caseNumber);
    });
    assertThat(section.model().get("back")).isEqualTo("/");
  }

  @Test
  void theTaskListShowsTheUnreadNoticesAboveTheSteps() throws Exception {
    notices.send(warning(people.counsellor(), "Plan van aanpak: termijn over 3 dagen"));

    MvcResult tasks = mvc.perform(get("/taken").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(view().name("journey/tasklist"))
        .andExpect(content().string(containsString("Plan van aanpak: termijn over 3 dagen")))
        .andReturn();

    PageSection.Section section = notices(attribute(tasks, "topSections"));
    assertThat(unread(section)).extracting(s -> s.notice().title())
        .containsExactly("Plan van aanpak: termijn over 3 dagen");
    assertThat(section.model().get("back")).isEqualTo("/taken");
  }

  @Test
  void theSameNoticeTwiceIsKeptOnceAndNewerNoticesComeFirst() {
    // A second between the notices: "newer" is by the time they were made, which a fast machine can make equal.
    java.time.Instant start = java.time.Instant.now();
    try {
      Notice first = warning(people.counsellor(), "Eerste melding");
      notices.send(first);
      notices.send(warning(people.counsellor(), "Eerste melding"));
      ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(1)));
      notices.send(new Notice(people.counsellor(), people.caseId(), Notice.Kind.DEADLINE_MISSED, "Eerste melding",
          LocalDate.of(2026, 2, 15)));
      ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(2)));
      notices.send(new Notice(people.counsellor(), people.caseId(), Notice.Kind.ESCALATION, "Zonder datum", null));
      notices.send(new Notice(people.counsellor(), people.caseId(), Notice.Kind.ESCALATION, "Zonder datum", null));
    } finally {
      ClockUtil.reset();
    }

    assertThat(jdbc.queryForObject("select count(*) from notice where recipient_user_id = ?", Integer.class,
        people.counsellor())).isEqualTo(3);
    assertThat(notices.unread(people.counsellor())).extracting(s -> s.notice().kind())
        .containsExactly(Notice.Kind.ESCALATION, Notice.Kind.DEADLINE_MISSED, Notice.Kind.DEADLINE_WARNING);
  }

  @Test
  void gelezenWithoutJavaScriptMarksItReadAndGoesBackToThePageItWasPressedOn() throws Exception {
    notices.send(warning(people.counsellor(), "Terug naar de takenlijst"));
    UUID id = notices.unread(people.counsellor()).get(0).id();

    mvc.perform(post("/meldingen/{id}/gelezen", id).param("terug", "/taken").with(csrf())
            .with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(redirectedUrl("/taken"));

    assertThat(notices.unread(people.counsellor())).isEmpty();
    mvc.perform(get("/").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(content().string(not(containsString("Terug naar de takenlijst"))));
  }

  @Test
  void gelezenNeverSendsAnyoneElsewhere() throws Exception {
    notices.send(warning(people.counsellor(), "Elders"));
    UUID id = notices.unread(people.counsellor()).get(0).id();

    mvc.perform(post("/meldingen/{id}/gelezen", id).param("terug", "https://elders.example/")
            .with(csrf()).with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void gelezenWithHtmxReplacesTheNoticeByAConfirmation() throws Exception {
    notices.send(warning(people.counsellor(), "Met htmx"));
    UUID id = notices.unread(people.counsellor()).get(0).id();

    mvc.perform(post("/meldingen/{id}/gelezen", id).header("HX-Request", "true").with(csrf())
            .with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(view().name("notices/sections :: read"))
        .andExpect(content().string(containsString("Melding gelezen.")));

    assertThat(notices.unread(people.counsellor())).isEmpty();
  }

  @Test
  void aPersonSeesOnlyTheirOwnNotices() throws Exception {
    notices.send(warning(people.doctor(), "Voor de bedrijfsarts"));

    MvcResult home = mvc.perform(get("/").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("Voor de bedrijfsarts"))))
        .andReturn();
    assertThat(Pages.<List<PageSection.Section>>attribute(home, "mainSections"))
        .extracting(PageSection.Section::key).doesNotContain("notices");
    assertThat(board.unread(people.asDoctor())).extracting(s -> s.notice().title())
        .containsExactly("Voor de bedrijfsarts");
  }

  @Test
  void markingSomeoneElsesNoticeReadIsRefusedLikeAnUnknownOneAndRecorded() throws Exception {
    notices.send(warning(people.doctor(), "Niet van de begeleider"));
    UUID id = notices.unread(people.doctor()).get(0).id();

    mvc.perform(post("/meldingen/{id}/gelezen", id).with(csrf()).with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(post("/meldingen/{id}/gelezen", UUID.randomUUID()).with(csrf())
            .with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());
    mvc.perform(post("/meldingen/{id}/gelezen", "geen-id").with(csrf())
            .with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(status().isNotFound());

    assertThat(notices.unread(people.doctor())).hasSize(1);
    assertThat(audit.forCase(people.caseId())).filteredOn(e -> e.action() == AuditAction.REFUSED)
        .extracting(AuditEvent::actorUserId, AuditEvent::what)
        .contains(Tuple.tuple(people.counsellor(),
            "notice " + id + " (not found or not theirs)"));
  }

  @Test
  void aNoticeAboutACaseTheRecipientNoLongerSeesIsNotShown() {
    // The other counsellor is not (or no longer) the counsellor of this case.
    notices.send(warning(people.otherCounsellor(), "Overgedragen dossier"));

    assertThat(notices.unread(people.otherCounsellor())).hasSize(1);
    assertThat(board.unread(CaseFixtures.actor(people.otherCounsellor(), Groups.COUNSELLOR))).isEmpty();
  }

  @Test
  void theLineManagerSeesTheEscalationAboutTheirTeamMember() {
    notices.send(new Notice(people.lineManager(), people.caseId(), Notice.Kind.ESCALATION,
        "Plan van aanpak: termijn verstreken", LocalDate.of(2026, 3, 1)));

    assertThat(board.unread(people.asLineManager())).extracting(s -> s.notice().title())
        .containsExactly("Plan van aanpak: termijn verstreken");
  }

  @Test
  void withoutAMailHostNothingIsMailedAndTheNoticeIsStillKept() {
    assertThat(context.getBeanNamesForType(JavaMailSender.class)).isEmpty();
    assertThat(context.containsBean("noticeMailer")).isFalse();

    notices.send(warning(people.counsellor(), "Alleen in de app"));

    assertThat(notices.unread(people.counsellor())).extracting(s -> s.notice().title())
        .containsExactly("Alleen in de app");
  }

  private Notice warning(String recipient, String title) {
    return new Notice(recipient, people.caseId(), Notice.Kind.DEADLINE_WARNING, title, LocalDate.of(2026, 2, 15));
  }

  private static PageSection.Section notices(List<PageSection.Section> sections) {
    return sections.stream().filter(s -> s.key().equals("notices")).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Notice.Stored> unread(PageSection.Section section) {
    return (List<Notice.Stored>) section.model().get("notices");
  }
}
