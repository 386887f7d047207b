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
 * the test (GreenMail) on a free port.
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

  private Notice warning(String title) {
    return new Notice(counsellor, caseId, Notice.Kind.DEADLINE_WARNING, title, LocalDate.of(2026, 2, 15));
  }
}
