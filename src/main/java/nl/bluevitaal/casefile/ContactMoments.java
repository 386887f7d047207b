package nl.bluevitaal.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact moments (domain C). A confidential note stays within the author's professional circle: the author, the
 * care professionals of the case (company doctor, counsellors under the doctor's delegation) and the employee it is
 * about (right of access). The line manager and employer-side counsellors do not see it, nor that it exists.
 */
@Service
@Transactional
public class ContactMoments {

  private final JdbcClient jdbc;
  private final CaseFileAccess access;
  private final Clock clock;

  ContactMoments(JdbcClient jdbc, CaseFileAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<ContactMoment> list(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "contact moments");
    // Conversation notes are free text, where health observations slip in easily; the employer side may never hold
    // those (docs/privacy.md), so the line manager reads the agreed documents, not the counsellor's notes.
    Set<CaseRelation> relations = access.relations(actor, parties);
    if (relations.contains(CaseRelation.LINE_MANAGER) && !access.keepsFile(actor, parties)
        && !inCircle(relations)) {
      throw access.refuse(actor, parties, Domain.REINTEGRATION, "conversation notes are not for the line manager");
    }
    return jdbc.sql("select * from contact_moment where case_id = :c order by happened_at, id").param("c", caseId)
        .query(ContactMoments::moment).list().stream()
        .filter(m -> !m.confidential() || actor.userId().equals(m.authorUserId()) || inCircle(relations))
        .toList();
  }

  public ContactMoment add(Actor actor, UUID caseId, OffsetDateTime happenedAt, ContactMoment.Kind kind,
      String summary, boolean confidential) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.WRITE, "new contact moment");
    access.requireKeeper(actor, parties, "new contact moment");
    return insert(actor, caseId, happenedAt, kind, summary, confidential);
  }

  /**
   * The company doctor's contact with the employee (a wish for contact answered), as a confidential contact moment:
   * the doctor keeps no re-integration file, and what they discussed stays within the care professionals and the
   * employee; the employer side does not see it, nor that it exists.
   */
  public ContactMoment addAsCompanyDoctor(Actor actor, UUID caseId, OffsetDateTime happenedAt,
      ContactMoment.Kind kind, String summary) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.WRITE, "new contact moment");
    if (!access.relations(actor, parties).contains(CaseRelation.COMPANY_DOCTOR)) {
      throw access.refuse(actor, parties, Domain.REINTEGRATION, "contact moment as the case's company doctor");
    }
    return insert(actor, caseId, happenedAt, kind, summary, true);
  }

  private ContactMoment insert(Actor actor, UUID caseId, OffsetDateTime happenedAt, ContactMoment.Kind kind,
      String summary, boolean confidential) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
            insert into contact_moment (id, case_id, happened_at, author_user_id, kind, summary, confidential, created_at)
            values (:id, :c, :at, :a, :k, :s, :conf, :now)""")
        .param("id", id).param("c", caseId).param("at", happenedAt == null ? now : happenedAt)
        .param("a", actor.userId()).param("k", kind.name()).param("s", summary).param("conf", confidential)
        .param("now", now).update();
    return jdbc.sql("select * from contact_moment where id = :id").param("id", id).query(ContactMoments::moment)
        .single();
  }

  /** The employee it is about and the care professionals of the case (besides the note's author). */
  private static boolean inCircle(Set<CaseRelation> relations) {
    return relations.contains(CaseRelation.EMPLOYEE) || relations.contains(CaseRelation.COMPANY_DOCTOR)
        || relations.contains(CaseRelation.CARE_PROFESSIONAL);
  }

  private static ContactMoment moment(ResultSet rs, int n) throws SQLException {
    return new ContactMoment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
        rs.getObject("happened_at", OffsetDateTime.class), rs.getString("author_user_id"),
        ContactMoment.Kind.valueOf(rs.getString("kind")), rs.getString("summary"), rs.getBoolean("confidential"));
  }
}
