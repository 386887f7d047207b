package nl.bluevitaal.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Domain D, the only place a diagnosis, treatment or score may be written: the company doctor and care
 * professionals write, the employee reads (right of access), nobody else sees that a note exists.
 */
@Service
@Transactional
public class MedicalNotes {

  private final JdbcClient jdbc;
  private final CaseFileAccess access;
  private final Clock clock;

  MedicalNotes(JdbcClient jdbc, CaseFileAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<MedicalNote> list(Actor actor, UUID caseId) {
    access.require(actor, caseId, Domain.MEDICAL, Access.READ, "medical notes");
    return listUnchecked(caseId);
  }

  @Transactional(readOnly = true)
  public MedicalNote get(Actor actor, UUID caseId, UUID noteId) {
    CaseParties parties = access.require(actor, caseId, Domain.MEDICAL, Access.READ, "medical note " + noteId);
    return find(caseId, noteId).orElseThrow(() -> access.notFound(actor, parties, "medical note " + noteId));
  }

  public MedicalNote add(Actor actor, UUID caseId, String text) {
    access.require(actor, caseId, Domain.MEDICAL, Access.WRITE, "new medical note");
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
            insert into medical_note (id, case_id, author_user_id, noted_at, text, last_changed_at, version)
            values (:id, :c, :a, :now, :t, :now, 0)""")
        .param("id", id).param("c", caseId).param("a", actor.userId()).param("now", now).param("t", text).update();
    return find(caseId, id).orElseThrow();
  }

  public MedicalNote change(Actor actor, UUID caseId, UUID noteId, int expectedVersion, String text) {
    CaseParties parties = access.require(actor, caseId, Domain.MEDICAL, Access.WRITE, "change medical note " + noteId);
    find(parties.caseId(), noteId).orElseThrow(() -> access.notFound(actor, parties, "medical note " + noteId));
    boolean changed = jdbc.sql("""
            update medical_note set text = :t, last_changed_at = :now, version = version + 1
             where id = :id and case_id = :c and version = :v""")
        .param("t", text).param("now", OffsetDateTime.now(clock)).param("id", noteId).param("c", caseId)
        .param("v", expectedVersion).update() == 1;
    if (!changed) {
      throw new StaleEditException("medical note", noteId, expectedVersion,
          find(caseId, noteId).map(MedicalNote::version).orElse(-1));
    }
    return find(caseId, noteId).orElseThrow();
  }

  /** For callers that already checked domain D for this actor (the RIV bundle). */
  List<MedicalNote> listUnchecked(UUID caseId) {
    return jdbc.sql("select * from medical_note where case_id = :c order by noted_at, id").param("c", caseId)
        .query(MedicalNotes::note).list();
  }

  private java.util.Optional<MedicalNote> find(UUID caseId, UUID noteId) {
    return jdbc.sql("select * from medical_note where id = :id and case_id = :c").param("id", noteId)
        .param("c", caseId).query(MedicalNotes::note).optional();
  }

  private static MedicalNote note(ResultSet rs, int n) throws SQLException {
    return new MedicalNote(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
        rs.getString("author_user_id"), rs.getObject("noted_at", OffsetDateTime.class), rs.getString("text"),
        rs.getObject("last_changed_at", OffsetDateTime.class), rs.getInt("version"));
  }
}
