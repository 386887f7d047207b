package nl.bluevitaal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code spring.mail.host} set, a notice is mailed to its recipient once its transaction commits: the title, the
 * case number, the due date and a link to the case, never the employee's name. The same notice twice is one mail; a
 * rolled-back notice is none; a recipient without an address keeps the notice in the app. An SMTP server runs inside
 * the test (GreenMail) on a free port. A notice to the case's own employee is mailed only while they consent, and
 * leads to their own pages.
 */
@ApplicationTest
class NoticeMailTest {

  /**
   * Started with the class rather than by GreenMail's extension: the application context, which needs the port, is
   * made before the extension's own start.
   */
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
  Notices notices;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  Accounts accounts;
  @Autowired
  MailConsents consents;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  String counsellor;
  String employeeName;
  UUID caseId;
  String caseNumber;

  @BeforeEach
  void aCaseWhoseCounsellorHasAnAddress() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    counsellor = CaseFixtures.tag("nmc");
    accounts.ensureUser(counsellor, "Carla", "Test", counsellor + "@politie.example", CaseFixtures.PASSWORD,
        List.of(Groups.COUNSELLOR));
    employeeName = "Evi Vertrouwelijk " + CaseFixtures.tag("nm");
    caseId = fixtures.sickCase(SickCase.of(null, employeeName).counselledBy(counsellor, null));
    caseNumber = jdbc.queryForObject("select case_number from reintegration_case where id = ?", String.class, caseId);
  }

  @Test
  void aNoticeIsMailedWithTheCaseNumberTitleDueDateAndLinkButNotTheEmployeesName() throws Exception {
    notices.send(warning("Probleemanalyse: termijn over 14 dagen (15 feb 2026)"));

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails[0];
    String body = GreenMailUtil.getBody(mail);
    assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly(counsellor + "@politie.example");
    assertThat(mail.getSubject()).contains("Probleemanalyse: termijn over 14 dagen (15 feb 2026)")
        .contains(caseNumber);
    assertThat(body).contains("Probleemanalyse: termijn over 14 dagen (15 feb 2026)", caseNumber,
        "15 februari 2026", "https://bluevitaal.example/dossiers/" + caseId);
    assertThat(mail.getSubject() + body).doesNotContain(employeeName).doesNotContain("Vertrouwelijk");
  }

  @Test
  void theSameNoticeTwiceIsOneRowAndOneMail() {
    notices.send(warning("Plan van aanpak: termijn over 3 dagen"));
    notices.send(warning("Plan van aanpak: termijn over 3 dagen"));

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from notice where case_id = ?", Integer.class, caseId))
        .isEqualTo(1);
  }

  @Test
  void aNoticeWhoseTransactionRollsBackIsNeitherKeptNorMailed() {
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      notices.send(warning("Eerstejaarsevaluatie: termijn verstreken"));
      // The journey's job failing after the notice was sent: its transaction rolls back and the job is retried.
      tx.setRollbackOnly();
    });

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(notices.unread(counsellor)).isEmpty();
  }

  @Test
  void aRecipientWithoutAnAddressKeepsTheNoticeInTheApp() {
    String doctor = fixtures.user("nmd", Groups.COMPANY_DOCTOR);

    notices.send(new Notice(doctor, caseId, Notice.Kind.ESCALATION, "Probleemanalyse: termijn verstreken", null));

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(notices.unread(doctor)).hasSize(1);
  }

  @Test
  void aNoticeToTheEmployeeIsMailedOnlyWhileTheyConsent() throws Exception {
    String employee = CaseFixtures.tag("nme");
    accounts.ensureUser(employee, "Evi", "Thuis", employee + "@thuis.example", CaseFixtures.PASSWORD,
        List.of(Groups.EMPLOYEE));
    UUID own = fixtures.sickCase(SickCase.of(employee, "Evi Thuis " + employee).counselledBy(counsellor, null));
    Notice reminder = new Notice(employee, own, Notice.Kind.REMINDER, "Tijd voor je check-in van deze week",
        LocalDate.of(2026, 2, 16), "/mijn-traject/check-in");

    notices.send(reminder);
    assertThat(smtp.getReceivedMessages()).as("no consent: in the app only").isEmpty();
    assertThat(notices.unread(employee)).hasSize(1);

    consents.give(employee);
    notices.send(new Notice(employee, own, Notice.Kind.REMINDER, "Tijd voor je check-in van deze week",
        LocalDate.of(2026, 2, 23), "/mijn-traject/check-in"));
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    String body = GreenMailUtil.getBody(mails[0]);
    assertThat(mails[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly(employee + "@thuis.example");
    assertThat(body).contains("https://bluevitaal.example/mijn-traject/check-in", "Herinneringen")
        .doesNotContain("/dossiers/");

    consents.withdraw(employee);
    notices.send(new Notice(employee, own, Notice.Kind.REMINDER, "Tijd voor je check-in van deze week",
        LocalDate.of(2026, 3, 2), "/mijn-traject/check-in"));
    assertThat(smtp.getReceivedMessages()).as("withdrawn: no further mail").hasSize(1);
    assertThat(notices.unread(employee)).hasSize(3);
  }

  @Test
  void theEmployeesDeadlineWarningLeadsToTheirOwnPagesAndStaffToTheCasePage() {
    String employee = fixtures.user("nml", Groups.EMPLOYEE);
    UUID own = fixtures.sickCase(SickCase.of(employee, "Lotte " + employee).counselledBy(counsellor, null));

    notices.send(new Notice(employee, own, Notice.Kind.DEADLINE_WARNING, "WIA-aanvraag: termijn over 14 dagen", null));
    notices.send(new Notice(counsellor, own, Notice.Kind.DEADLINE_WARNING, "WIA-aanvraag: termijn over 14 dagen",
        null));

    assertThat(notices.unread(employee)).singleElement()
        .satisfies(n -> assertThat(n.notice().link()).isEqualTo("/mijn-traject"));
    assertThat(notices.unread(counsellor)).filteredOn(n -> n.notice().caseId().equals(own)).singleElement()
        .satisfies(n -> assertThat(n.notice().link()).isEqualTo("/dossiers/" + own));
  }

  private Notice warning(String title) {
    return new Notice(counsellor, caseId, Notice.Kind.DEADLINE_WARNING, title, LocalDate.of(2026, 2, 15));
  }
}
