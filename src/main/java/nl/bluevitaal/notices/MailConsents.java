package nl.bluevitaal.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employee's consent to get their notices by e-mail too. Staff get the notices of their work at their work address
 * without one; a notice to the employee of its case is mailed only while this consent stands (privacy.md: the
 * employee's own consent, revocable at any moment). The caller has checked that the person consents for themselves
 * and records it in the audit trail.
 */
@Service
@Transactional
public class MailConsents {

  private final JdbcClient jdbc;
  private final Clock clock;

  MailConsents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Since when the person consents, if they do. */
  @Transactional(readOnly = true)
  public Optional<OffsetDateTime> givenAt(String userId) {
    return jdbc.sql("select given_at from notice_mail_consent where user_id = :userId").param("userId", userId)
        .query(OffsetDateTime.class).optional();
  }

  @Transactional(readOnly = true)
  public boolean given(String userId) {
    return givenAt(userId).isPresent();
  }

  /** Records the consent now; given already, the first moment stays. */
  public void give(String userId) {
    jdbc.sql("""
            insert into notice_mail_consent (user_id, given_at)
            select :userId, :now from (values (1)) as one(x)
             where not exists (select 1 from notice_mail_consent where user_id = :userId)
            """)
        .param("userId", userId).param("now", OffsetDateTime.now(clock)).update();
  }

  /** Ends the consent at once: from now on nothing is mailed to them. */
  public void withdraw(String userId) {
    jdbc.sql("delete from notice_mail_consent where user_id = :userId").param("userId", userId).update();
  }
}
