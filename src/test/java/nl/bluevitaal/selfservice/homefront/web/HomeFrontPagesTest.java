package nl.bluevitaal.selfservice.homefront.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.SupportContact;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.AuditAction;
import nl.bluevitaal.privacy.AuditTrail;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontCheckIn;
import nl.bluevitaal.selfservice.homefront.HomeFrontItem;
import nl.bluevitaal.selfservice.homefront.HomeFrontStatus;
import nl.bluevitaal.selfservice.homefront.HomeFrontView;
import nl.bluevitaal.selfservice.homefront.Invitation;
import nl.bluevitaal.selfservice.homefront.InvitationUnusableException;
import nl.bluevitaal.selfservice.homefront.NewInvitation;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.PageSection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The home front with consent on the whole application: the employee invites (the link mailed through an SMTP server
 * inside the test), the naaste accepts once, sees only what the employee chose and nothing after a withdrawal, keeps a
 * check-in of their own that only a share shows the counsellor, and reaches no other page of the application.
 */
@ApplicationTest
class HomeFrontPagesTest {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    registry.add("bluevitaal.notices.base-url", () -> "https://bluevitaal.example/");
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  HomeFront homeFront;
  @Autowired
  SupportNetwork network;
  @Autowired
  AuditTrail audit;
  @Autowired
  Accounts accounts;
  @Autowired
  JdbcTemplate jdbc;

  CaseFixtures.People people;

  @BeforeEach
  void aCaseWithEveryoneAroundIt() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    people = fixtures.people("hf");
  }

  // --- invite ---

  @Test
  void anEmptyInvitationComesBackWithAMessageBesideEachFieldAndWhatWasTyped() throws Exception {
    MvcResult page = mvc.perform(post("/mijn-traject/thuisfront").with(employee()).with(csrf())
            .param("naam", "").param("email", "geen-adres"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name(MyHomeFrontController.VIEW))
        .andReturn();
    FormState form = attribute(page, "inviteForm");
    assertThat(form.errors()).containsEntry("naam", "homefront.invite.error.name")
        .containsEntry("relatie", "homefront.invite.error.relation")
        .containsEntry("email", "homefront.invite.error.email-format");
    assertThat(form.value("email")).isEqualTo("geen-adres");
    assertThat(homeFront.invitations(people.asEmployee(), people.caseId())).isEmpty();
  }

  @Test
  void anUnknownRelationIsAMessageNotAFailure() throws Exception {
    MvcResult page = mvc.perform(post("/mijn-traject/thuisfront").with(employee()).with(csrf())
            .param("naam", "Joost").param("relatie", "BUURMAN").param("email", "joost@example.org"))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    FormState form = attribute(page, "inviteForm");
    assertThat(form.errors()).containsKey("relatie");
    assertThat(form.value("naam")).isEqualTo("Joost");
  }

  @Test
  void anInvitationIsMailedShownOnceAndBecomesTheCaseFilesHomeFrontContact() throws Exception {
    MvcResult done = mvc.perform(post("/mijn-traject/thuisfront").with(employee()).with(csrf())
            .param("naam", "Joost Visser").param("relatie", "PARTNER").param("email", "joost@example.org"))
        .andExpect(status().is3xxRedirection())
        .andReturn();
    NewInvitation made = (NewInvitation) done.getFlashMap().get("invited");
    assertThat(made.mailed()).isTrue();
    assertThat(made.link()).startsWith("https://bluevitaal.example/uitnodiging/");
    String token = token(made);
    assertThat(token.length()).as("256 random bits, base64url").isEqualTo(43);
    assertThat(jdbc.queryForObject("select count(*) from home_front_invitation where token_hash = ?", Long.class,
        token)).as("only the hash is stored").isZero();

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("joost@example.org");
    assertThat(mail.getContent().toString()).contains(made.link()).doesNotContain(people.employeeName());

    Invitation invitation = made.invitation();
    assertThat(invitation.state(invitation.invitedAt())).isEqualTo(Invitation.State.INVITED);
    assertThat(invitation.items()).isEqualTo(HomeFrontItem.defaults());
    assertThat(invitation.expiresAt()).isEqualTo(invitation.invitedAt().plusDays(7));
    List<SupportContact> contacts = network.list(people.asEmployee(), people.caseId());
    assertThat(contacts).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(SupportContact.Kind.HOME_FRONT);
      assertThat(c.name()).isEqualTo("Joost Visser");
      assertThat(c.consented()).isTrue();
    });
  }

  // --- accept ---

  @Test
  void theLinkGivesAnAccountOfItsOwnOnceAndThenSaysItWasUsed() throws Exception {
    String token = token(invite());
    mvc.perform(get("/uitnodiging/" + token))
        .andExpect(status().isOk())
        .andExpect(model().attribute("inviter", "Medewerker"))
        .andExpect(content().string(containsString("veld-gebruikersnaam")));
    String login = CaseFixtures.tag("joost").toLowerCase();
    mvc.perform(post("/uitnodiging/" + token).with(csrf()).param("gebruikersnaam", login)
            .param("wachtwoord", "lang-genoeg-1").param("herhaling", "lang-genoeg-1"))
        .andExpect(status().isOk())
        .andExpect(model().attribute("accepted", true));
    assertThat(accounts.exists(login)).isTrue();

    mvc.perform(get("/uitnodiging/" + token))
        .andExpect(status().isGone())
        .andExpect(model().attribute("unusable", InvitationUnusableException.Reason.USED))
        .andExpect(content().string(containsString("al gebruikt")));
    mvc.perform(post("/uitnodiging/" + token).with(csrf()).param("gebruikersnaam", login + "x")
            .param("wachtwoord", "lang-genoeg-1").param("herhaling", "lang-genoeg-1"))
        .andExpect(status().isGone());
    assertThat(accounts.exists(login + "x")).isFalse();
  }

  @Test
  void aWrongTokenAnExpiredOneAndAWithdrawnOneGetAPlainPage() throws Exception {
    mvc.perform(get("/uitnodiging/niet-bestaand"))
        .andExpect(status().isNotFound())
        .andExpect(view().name(InvitationController.VIEW))
        .andExpect(model().attribute("unusable", InvitationUnusableException.Reason.UNKNOWN));

    NewInvitation expiring = invite();
    jdbc.update("update home_front_invitation set expires_at = invited_at - interval '1' hour where id = ?",
        expiring.invitation().id());
    mvc.perform(get("/uitnodiging/" + token(expiring)))
        .andExpect(status().isGone())
        .andExpect(model().attribute("unusable", InvitationUnusableException.Reason.EXPIRED))
        .andExpect(content().string(containsString("verlopen")));

    NewInvitation withdrawn = invite();
    homeFront.withdraw(people.asEmployee(), people.caseId(), withdrawn.invitation().id());
    mvc.perform(post("/uitnodiging/" + token(withdrawn)).with(csrf()).param("gebruikersnaam", "iemandanders")
            .param("wachtwoord", "lang-genoeg-1").param("herhaling", "lang-genoeg-1"))
        .andExpect(status().isGone())
        .andExpect(model().attribute("unusable", InvitationUnusableException.Reason.WITHDRAWN))
        .andExpect(content().string(containsString("ingetrokken")));
    assertThat(accounts.exists("iemandanders")).isFalse();
  }

  @Test
  void acceptingChecksTheLoginNameAndThePasswordsAndNeverSendsAPasswordBack() throws Exception {
    String token = token(invite());
    MvcResult page = mvc.perform(post("/uitnodiging/" + token).with(csrf()).param("gebruikersnaam", "Joost!")
            .param("wachtwoord", "kort").param("herhaling", "anders"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(not(containsString("value=\"kort\""))))
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsEntry("gebruikersnaam", "homefront.accept.error.username-format")
        .containsEntry("wachtwoord", "homefront.accept.error.password-length");
    assertThat(form.values()).doesNotContainKeys("wachtwoord", "herhaling");

    page = mvc.perform(post("/uitnodiging/" + token).with(csrf()).param("gebruikersnaam", people.employee())
            .param("wachtwoord", "lang-genoeg-1").param("herhaling", "lang-genoeg-2"))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    form = attribute(page, "form");
    assertThat(form.errors()).containsEntry("herhaling", "homefront.accept.error.repeat");
  }

  // --- choices ---

  @Test
  void eachChoiceSaysInWordsWhetherTheNaasteSeesIt() throws Exception {
    Invitation invitation = invite().invitation();
    mvc.perform(get("/mijn-traject/thuisfront").with(employee()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Nu: Joost Visser ziet dit.")))
        .andExpect(content().string(containsString("Nu: Joost Visser ziet dit niet.")))
        .andExpect(content().string(containsString(
            "ziet nooit je documenten of medische gegevens, en nooit de antwoorden, scores of notities")));

    mvc.perform(post("/mijn-traject/thuisfront/{id}/keuzes", invitation.id()).with(employee()).with(csrf())
            .param("versie", String.valueOf(invitation.version())).param("items", "PHASE", "NEXT_STEP"))
        .andExpect(status().is3xxRedirection());
    Invitation now = homeFront.invitations(people.asEmployee(), people.caseId()).get(0);
    assertThat(now.items()).containsExactlyInAnyOrder(HomeFrontItem.PHASE, HomeFrontItem.NEXT_STEP);

    // The page showed the old version: nothing changes, the page says so.
    mvc.perform(post("/mijn-traject/thuisfront/{id}/keuzes", invitation.id()).with(employee()).with(csrf())
            .param("versie", String.valueOf(invitation.version())))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("intussen op een andere plek gewijzigd")));
    assertThat(homeFront.invitations(people.asEmployee(), people.caseId()).get(0).items())
        .containsExactlyInAnyOrder(HomeFrontItem.PHASE, HomeFrontItem.NEXT_STEP);
  }

  @Test
  void noChoiceExistsForDocumentsMedicalDataScoresOrNotes() {
    // CHECK_IN_DONE is yes or no only (HomeFrontCheckInDonePagesTest).
    assertThat(EnumSet.allOf(HomeFrontItem.class)).containsExactlyInAnyOrder(HomeFrontItem.PHASE,
        HomeFrontItem.FAMILY_TIPS, HomeFrontItem.WHOM_TO_CALL, HomeFrontItem.NEXT_STEP, HomeFrontItem.CHECK_IN_DONE);
    assertThat(HomeFrontItem.defaults()).containsExactlyInAnyOrder(HomeFrontItem.PHASE, HomeFrontItem.FAMILY_TIPS,
        HomeFrontItem.WHOM_TO_CALL);
  }

  @Test
  void anotherEmployeesInvitationDoesNotExistForThem() throws Exception {
    Invitation invitation = invite().invitation();
    mvc.perform(post("/mijn-traject/thuisfront/{id}/intrekken", invitation.id())
            .with(as(people.otherEmployee(), Groups.EMPLOYEE)).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(homeFront.invitations(people.asEmployee(), people.caseId()).get(0).withdrawnAt()).isNull();
  }

  // --- the naaste ---

  @Test
  void theNaasteSeesOnlyTheChosenItems() throws Exception {
    NewInvitation made = invite();
    String naaste = accept(made);
    MvcResult page = mvc.perform(get("/thuisfront").with(naaste(naaste)))
        .andExpect(status().isOk())
        .andExpect(view().name(NaasteController.VIEW))
        .andExpect(content().string(containsString("id=\"waar-staat\"")))
        .andExpect(content().string(containsString("id=\"wie-bel-je\"")))
        .andExpect(content().string(containsString("113")))
        .andExpect(content().string(not(containsString("id=\"volgende-stap\""))))
        .andReturn();
    HomeFrontView view = attribute(page, "view");
    assertThat(view.employeeFirstName()).isEqualTo("Medewerker");
    assertThat(view.phase()).isNotNull();
    assertThat(view.nextStep()).isNull();
    assertThat(view.nextStepOn()).isNull();

    homeFront.choose(people.asEmployee(), people.caseId(), made.invitation().id(), made.invitation().version() + 1,
        EnumSet.of(HomeFrontItem.NEXT_STEP));
    page = mvc.perform(get("/thuisfront").with(naaste(naaste)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"waar-staat\""))))
        .andExpect(content().string(not(containsString("id=\"wie-bel-je\""))))
        .andExpect(content().string(not(containsString("id=\"wat-kun-je-doen\""))))
        .andExpect(content().string(containsString("id=\"volgende-stap\"")))
        .andReturn();
    view = attribute(page, "view");
    assertThat(view.phase()).isNull();
    assertThat(view.whomToCall()).isEmpty();
    assertThat(view.nextStep()).isNotNull();
  }

  @Test
  void withdrawingEndsTheNaastesAccessAtOnceAndIsAudited() throws Exception {
    NewInvitation made = invite();
    String naaste = accept(made);
    mvc.perform(get("/thuisfront").with(naaste(naaste))).andExpect(status().isOk());

    mvc.perform(post("/mijn-traject/thuisfront/{id}/intrekken", made.invitation().id()).with(employee()).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/mijn-traject/thuisfront"));

    mvc.perform(get("/thuisfront").with(naaste(naaste)))
        .andExpect(status().isForbidden())
        .andExpect(content().string(not(containsString("Medewerker"))));
    mvc.perform(post("/thuisfront/check-in").with(naaste(naaste)).with(csrf())
            .param("welzijn", "3").param("steun", "3").param("belasting", "3"))
        .andExpect(status().isForbidden());
    assertThat(audit.forCase(people.caseId())).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.WRITE);
      assertThat(e.actorUserId()).isEqualTo(people.employee());
      assertThat(e.what()).isEqualTo("home front access withdrawn");
    }).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.REFUSED);
      assertThat(e.actorUserId()).isEqualTo(naaste);
    }).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.READ);
      assertThat(e.actorUserId()).as("the naaste's reads are in the employee's 'who looked'").isEqualTo(naaste);
    });
    assertThat(network.list(people.asEmployee(), people.caseId())).singleElement()
        .satisfies(c -> assertThat(c.consented()).isFalse());
    mvc.perform(get("/mijn-traject/thuisfront").with(employee()))
        .andExpect(content().string(containsString("data-state=\"WITHDRAWN\"")));
  }

  @Test
  void withdrawingTheContactThroughTheSupportNetworkApiEndsTheNaastesAccessToo() throws Exception {
    NewInvitation made = invite();
    String naaste = accept(made);
    UUID contact = network.list(people.asEmployee(), people.caseId()).get(0).id();
    mvc.perform(post("/api/cases/{c}/support-network/{s}/consent-withdrawal", people.caseId(), contact)
            .with(employee()))
        .andExpect(status().isOk());
    mvc.perform(get("/thuisfront").with(naaste(naaste))).andExpect(status().isForbidden());
    assertThat(homeFront.invitations(people.asEmployee(), people.caseId()).get(0).withdrawnAt()).isNotNull();
  }

  @Test
  void theNaasteReachesNoOtherPageOfTheApplication() throws Exception {
    String naaste = accept(invite());
    for (String page : List.of("/", "/taken", "/mijn-traject", "/mijn-traject/thuisfront", "/dossiers",
        "/dossiers/" + people.caseId(), "/team", "/modellen", "/mijn-traject/wie-keek")) {
      mvc.perform(get(page).with(naaste(naaste))).andExpect(status().isForbidden());
    }
    for (String api : List.of("/api/cases", "/api/cases/" + people.caseId(),
        "/api/cases/" + people.caseId() + "/support-network", "/api/notices", "/engine-rest/task")) {
      mvc.perform(get(api).with(naaste(naaste))).andExpect(status().isForbidden());
    }
    // Spring Security turns these away before any case is read: recorded as refusals about no case.
    assertThat(jdbc.queryForObject("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'",
        Long.class, naaste)).isGreaterThanOrEqualTo(14);
  }

  @Test
  void aNaasteLandsOnTheirOwnPageAfterLogin() throws Exception {
    String naaste = accept(invite());
    mvc.perform(post("/login").with(csrf()).param("username", naaste).param("password", "lang-genoeg-1"))
        .andExpect(redirectedUrl("/thuisfront"));
  }

  // --- the naaste's check-in and the counsellor ---

  @Test
  void theNaastesCheckInIsTheirsUntilTheyShareItWithTheCounsellor() throws Exception {
    String naaste = accept(invite());
    mvc.perform(post("/thuisfront/check-in").with(naaste(naaste)).with(csrf())
            .param("welzijn", "2").param("steun", "4").param("belasting", "5").param("notitie", "PRIVE-NOTITIE"))
        .andExpect(status().is3xxRedirection());
    assertThat(counsellorStatus().sharedCheckIns()).isEmpty();
    mvc.perform(get("/dossiers/{id}", people.caseId()).with(counsellor()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-state=\"ACTIVE\"")))
        .andExpect(content().string(not(containsString("PRIVE-NOTITIE"))));

    mvc.perform(post("/thuisfront/check-in").with(naaste(naaste)).with(csrf())
            .param("welzijn", "3").param("steun", "3").param("belasting", "4").param("notitie", "GEDEELDE-NOTITIE")
            .param("delen", "true"))
        .andExpect(status().is3xxRedirection());
    List<HomeFrontCheckIn> own = homeFront.ownCheckIns(CaseFixtures.actor(naaste, Groups.HOME_FRONT));
    assertThat(own).hasSize(2);
    assertThat(counsellorStatus().sharedCheckIns()).singleElement()
        .satisfies(c -> assertThat(c.note()).isEqualTo("GEDEELDE-NOTITIE"));
    mvc.perform(get("/dossiers/{id}", people.caseId()).with(counsellor()))
        .andExpect(content().string(containsString("GEDEELDE-NOTITIE")))
        .andExpect(content().string(not(containsString("PRIVE-NOTITIE"))))
        .andExpect(content().string(not(containsString("Joost Visser"))));
    mvc.perform(get("/team/{id}", people.caseId()).with(as(people.lineManager(), Groups.LINE_MANAGER)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"thuisfront\""))))
        .andExpect(content().string(not(containsString("GEDEELDE-NOTITIE"))));
    mvc.perform(get("/mijn-traject/thuisfront").with(employee()))
        .andExpect(content().string(not(containsString("GEDEELDE-NOTITIE"))));
  }

  @Test
  void aCheckInWithoutAnswersComesBackWithAMessageAndTheNoteKept() throws Exception {
    String naaste = accept(invite());
    MvcResult page = mvc.perform(post("/thuisfront/check-in").with(naaste(naaste)).with(csrf())
            .param("welzijn", "9").param("steun", "").param("notitie", "mijn tekst"))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
    FormState form = attribute(page, "form");
    assertThat(form.errors()).containsKeys("welzijn", "steun", "belasting");
    assertThat(form.value("notitie")).isEqualTo("mijn tekst");
  }

  @Test
  void theCounsellorSeesThatAContactExistsAndItsStateNothingMore() throws Exception {
    invite();
    MvcResult page = mvc.perform(get("/dossiers/{id}", people.caseId()).with(counsellor()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-state=\"INVITED\"")))
        .andExpect(content().string(not(containsString("joost@example.org"))))
        .andReturn();
    List<PageSection.Section> sections = attribute(page, "stepSections");
    assertThat(sections).anySatisfy(s -> assertThat(s.key()).isEqualTo("home-front"));
  }

  // --- helpers ---

  private NewInvitation invite() {
    return homeFront.invite(people.asEmployee(), people.caseId(), "Joost Visser",
        nl.bluevitaal.selfservice.homefront.HomeFrontRelation.PARTNER, "joost@example.org");
  }

  private String accept(NewInvitation made) {
    String login = CaseFixtures.tag("naaste").toLowerCase();
    homeFront.accept(token(made), login, "lang-genoeg-1");
    return login;
  }

  private HomeFrontStatus counsellorStatus() {
    return homeFront.statusFor(people.asCounsellor(), people.caseId());
  }

  private static String token(NewInvitation made) {
    return made.link().substring(made.link().lastIndexOf('/') + 1);
  }

  private RequestPostProcessor employee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }

  private RequestPostProcessor counsellor() {
    return as(people.counsellor(), Groups.COUNSELLOR);
  }

  private static RequestPostProcessor naaste(String userId) {
    return as(userId, Groups.HOME_FRONT);
  }
}
