package nl.bluevitaal.selfservice.homefront.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.checkin.NewCheckIn;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontItem;
import nl.bluevitaal.selfservice.homefront.HomeFrontRelation;
import nl.bluevitaal.selfservice.homefront.HomeFrontView;
import nl.bluevitaal.selfservice.homefront.Invitation;
import nl.bluevitaal.selfservice.homefront.NewInvitation;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The home front and the employee's check-in, both ways: the naaste learns whether the employee did a check-in this
 * week only when the employee chose it (off by default), and then yes or no, never an answer, a score, an outcome or
 * a note; nothing once the choice is undone, and no API of the check-ins at all. A naaste whose access was withdrawn
 * gets a calm page that it ended, which names neither the employee nor why, and the refusal is recorded.
 */
@ApplicationTest
class HomeFrontCheckInDonePagesTest {

  private static final String NOTE = "GEHEIME-NOTITIE van deze week";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  HomeFront homeFront;
  @Autowired
  CheckIns checkIns;
  @Autowired
  AuditTrail audit;
  @Autowired
  JdbcTemplate jdbc;

  CaseFixtures.People people;
  NewInvitation made;
  String naaste;

  @BeforeEach
  void anEmployeeWithANaaste() {
    people = fixtures.people("hc");
    made = homeFront.invite(people.asEmployee(), people.caseId(), "Joost Visser", HomeFrontRelation.PARTNER,
        "joost@example.org");
    naaste = CaseFixtures.tag("naaste").toLowerCase();
    homeFront.accept(made.link().substring(made.link().lastIndexOf('/') + 1), naaste, "lang-genoeg-1");
  }

  @Test
  void byDefaultTheNaasteLearnsNothingOfTheCheckIns() throws Exception {
    assertThat(HomeFrontItem.CHECK_IN_DONE.byDefault()).isFalse();
    assertThat(invitation().items()).doesNotContain(HomeFrontItem.CHECK_IN_DONE);
    checkIn(NOTE);
    MvcResult page = naastePage();
    HomeFrontView view = attribute(page, "view");
    assertThat(view.checkInDoneThisWeek()).isNull();
    assertThat(page.getResponse().getContentAsString()).doesNotContain("id=\"check-in-gedaan\"", NOTE,
        "check-in gedaan");
    // The employee's page offers the choice, off.
    String mine = mvc.perform(get("/mijn-traject/thuisfront").with(employee())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(mine).contains("Of ik deze week een check-in heb gedaan", "value=\"CHECK_IN_DONE\"");
  }

  @Test
  void chosenTheNaasteSeesYesOrNoAndNeverTheScoreOrTheNote() throws Exception {
    choose(HomeFrontItem.PHASE, HomeFrontItem.CHECK_IN_DONE);
    MvcResult page = naastePage();
    assertThat(this.<HomeFrontView>attr(page, "view").checkInDoneThisWeek()).isFalse();
    assertThat(page.getResponse().getContentAsString()).contains("data-done=\"false\"",
        "heeft deze week nog geen check-in gedaan");

    // A check-in of last week does not count for this week.
    CheckIn earlier = checkIn(null);
    jdbc.update("update check_in set taken_at = taken_at - interval '8' day where id = ?", earlier.id());
    assertThat(this.<HomeFrontView>attr(naastePage(), "view").checkInDoneThisWeek()).isFalse();

    checkIn(NOTE);
    page = naastePage();
    assertThat(this.<HomeFrontView>attr(page, "view").checkInDoneThisWeek()).isTrue();
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains("data-done=\"true\"", "heeft deze week een check-in gedaan")
        .doesNotContain(NOTE, "van 100", "van 25", "gaat slecht",
            "gaat niet zo goed", "gaat redelijk goed");
    // Only the fact left domain E, and the employee sees that the naaste looked.
    assertThat(audit.forCase(people.caseId())).anySatisfy(e -> {
      assertThat(e.actorUserId()).isEqualTo(naaste);
      assertThat(e.action()).isEqualTo(AuditAction.READ);
      assertThat(e.domain()).isEqualTo(Domain.SELF_REPORTS);
      assertThat(e.what()).isEqualTo("check-in done this week (yes/no)");
    });
  }

  @Test
  void undoneOrWithdrawnTheNaasteLearnsNothingAndHasNoApiToAsk() throws Exception {
    choose(HomeFrontItem.CHECK_IN_DONE);
    checkIn(NOTE);
    assertThat(this.<HomeFrontView>attr(naastePage(), "view").checkInDoneThisWeek()).isTrue();

    // The employee undoes the choice on their page.
    mvc.perform(post("/mijn-traject/thuisfront/{id}/keuzes", invitation().id()).with(employee()).with(csrf())
            .param("versie", String.valueOf(invitation().version())).param("items", "PHASE"))
        .andExpect(status().is3xxRedirection());
    MvcResult page = naastePage();
    assertThat(this.<HomeFrontView>attr(page, "view").checkInDoneThisWeek()).isNull();
    assertThat(page.getResponse().getContentAsString()).doesNotContain("id=\"check-in-gedaan\"");

    // No API answers a naaste: not their own check-ins' API, not the case's.
    for (String api : List.of("/api/check-ins", "/api/cases/" + people.caseId() + "/check-ins")) {
      mvc.perform(get(api).with(asNaaste())).andExpect(status().isForbidden());
    }

    choose(HomeFrontItem.CHECK_IN_DONE);
    homeFront.withdraw(people.asEmployee(), people.caseId(), made.invitation().id());
    String html = mvc.perform(get("/thuisfront").with(asNaaste())).andExpect(status().isForbidden())
        .andReturn().getResponse().getContentAsString();
    assertThat(html).doesNotContain("check-in-gedaan", NOTE);
  }

  @Test
  void aNaasteWhoseAccessWasWithdrawnGetsACalmPageThatSaysNothingOfTheEmployeeAndIsRecorded() throws Exception {
    homeFront.withdraw(people.asEmployee(), people.caseId(), made.invitation().id());
    MvcResult page = mvc.perform(get("/thuisfront").with(asNaaste()))
        .andExpect(status().isForbidden())
        .andExpect(view().name(NaasteController.VIEW_ENDED))
        .andReturn();
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains("Je toegang is gestopt", "Je hoeft hiervoor niets te doen.", "action=\"/logout\"")
        .doesNotContain("Medewerker", people.employeeName(), "ingetrokken", "Geen toegang");
    // A form sent after the withdrawal meets the same page, and stores nothing.
    mvc.perform(post("/thuisfront/check-in").with(asNaaste()).with(csrf())
            .param("welzijn", "3").param("steun", "3").param("belasting", "3"))
        .andExpect(status().isForbidden())
        .andExpect(view().name(NaasteController.VIEW_ENDED));
    assertThat(jdbc.queryForObject("select count(*) from home_front_check_in where naaste_user_id = ?", Long.class,
        naaste)).isZero();
    assertThat(audit.forCase(people.caseId())).filteredOn(e -> e.action() == AuditAction.REFUSED
        && e.actorUserId().equals(naaste)).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(e -> assertThat(e.what()).endsWith("(access withdrawn)"));
  }

  @Test
  void aHomeFrontAccountWithoutAnInvitationStillGetsThePlainRefusal() throws Exception {
    String stranger = fixtures.user("hfx", Groups.HOME_FRONT);
    MvcResult page = mvc.perform(get("/thuisfront").with(as(stranger, Groups.HOME_FRONT)))
        .andExpect(status().isForbidden()).andReturn();
    assertThat(page.getModelAndView()).as("the general 403 page, not the page of an access that ended").isNull();
  }

  private CheckIn checkIn(String note) {
    return checkIns.submit(people.asEmployee(), people.caseId(),
        new NewCheckIn("WHO5", List.of(2, 2, 2, 2, 2), note, UUID.randomUUID(), OffsetDateTime.now())).checkIn();
  }

  private void choose(HomeFrontItem... items) {
    homeFront.choose(people.asEmployee(), people.caseId(), made.invitation().id(), invitation().version(),
        Set.of(items));
  }

  private Invitation invitation() {
    return homeFront.invitations(people.asEmployee(), people.caseId()).get(0);
  }

  private MvcResult naastePage() throws Exception {
    return mvc.perform(get("/thuisfront").with(asNaaste())).andExpect(status().isOk())
        .andExpect(view().name(NaasteController.VIEW)).andReturn();
  }

  private RequestPostProcessor employee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }

  private RequestPostProcessor asNaaste() {
    return as(naaste, Groups.HOME_FRONT);
  }

  private <T> T attr(MvcResult result, String name) {
    return attribute(result, name);
  }
}
