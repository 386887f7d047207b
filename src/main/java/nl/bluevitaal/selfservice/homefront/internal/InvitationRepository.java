package nl.bluevitaal.selfservice.homefront.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.selfservice.homefront.HomeFrontCheckIn;
import nl.bluevitaal.selfservice.homefront.HomeFrontItem;
import nl.bluevitaal.selfservice.homefront.HomeFrontRelation;
import nl.bluevitaal.selfservice.homefront.Invitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The home front's two tables (V32). Callers check access; this only reads and writes. */
@Repository
public class InvitationRepository {

  private final JdbcClient jdbc;

  InvitationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Invitation invitation, String employeeUserId, UUID contactId, String tokenHash) {
    jdbc.sql("""
            insert into home_front_invitation (id, case_id, employee_user_id, contact_id, name, relation, email,
              token_hash, invited_at, expires_at, items, version)
            values (:id, :caseId, :employee, :contact, :name, :relation, :email, :hash, :invited, :expires, :items, 0)""")
        .param("id", invitation.id()).param("caseId", invitation.caseId()).param("employee", employeeUserId)
        .param("contact", contactId).param("name", invitation.name()).param("relation", invitation.relation().name())
        .param("email", invitation.email()).param("hash", tokenHash).param("invited", invitation.invitedAt())
        .param("expires", invitation.expiresAt()).param("items", items(invitation.items())).update();
  }

  public List<Invitation> ofCase(UUID caseId) {
    return jdbc.sql("select * from home_front_invitation where case_id = :c order by invited_at desc, id")
        .param("c", caseId).query(InvitationRepository::invitation).list();
  }

  public Optional<Invitation> find(UUID id) {
    return jdbc.sql("select * from home_front_invitation where id = :id").param("id", id)
        .query(InvitationRepository::invitation).optional();
  }

  public Optional<Invitation> byTokenHash(String hash) {
    return jdbc.sql("select * from home_front_invitation where token_hash = :h").param("h", hash)
        .query(InvitationRepository::invitation).optional();
  }

  /** The naaste's invitation: the one they accepted last. */
  public Optional<Invitation> ofNaaste(String userId) {
    return jdbc.sql("""
            select * from home_front_invitation where naaste_user_id = :u order by accepted_at desc, id""")
        .param("u", userId).query(InvitationRepository::invitation).list().stream().findFirst();
  }

  public boolean isActive(UUID caseId, String userId) {
    return jdbc.sql("""
            select count(*) from home_front_invitation
             where case_id = :c and naaste_user_id = :u and accepted_at is not null and withdrawn_at is null""")
        .param("c", caseId).param("u", userId).query(Long.class).single() > 0;
  }

  /** Takes the link once: false when it was used, withdrawn or expired meanwhile (a second click, a race). */
  public boolean accept(UUID id, String naasteUserId, OffsetDateTime now) {
    return jdbc.sql("""
            update home_front_invitation set accepted_at = :now, naaste_user_id = :u, version = version + 1
             where id = :id and accepted_at is null and withdrawn_at is null and expires_at > :now""")
        .param("now", now).param("u", naasteUserId).param("id", id).update() == 1;
  }

  public boolean choose(UUID id, int expectedVersion, Set<HomeFrontItem> items) {
    return jdbc.sql("""
            update home_front_invitation set items = :items, version = version + 1
             where id = :id and version = :v and withdrawn_at is null""")
        .param("items", items(items)).param("id", id).param("v", expectedVersion).update() == 1;
  }

  public boolean withdraw(UUID id, OffsetDateTime now) {
    return jdbc.sql("""
            update home_front_invitation set withdrawn_at = :now, version = version + 1
             where id = :id and withdrawn_at is null""")
        .param("now", now).param("id", id).update() == 1;
  }

  /** The case file's contact went (its consent withdrawn elsewhere, e.g. the API): the invitation goes with it. */
  public int withdrawByContact(UUID contactId, OffsetDateTime now) {
    return jdbc.sql("""
            update home_front_invitation set withdrawn_at = :now, version = version + 1
             where contact_id = :c and withdrawn_at is null""")
        .param("now", now).param("c", contactId).update();
  }

  public Optional<UUID> contactOf(UUID id) {
    return jdbc.sql("select contact_id from home_front_invitation where id = :id").param("id", id)
        .query((rs, n) -> rs.getObject(1, UUID.class)).optional();
  }

  public void insertCheckIn(UUID invitationId, UUID caseId, String naasteUserId, HomeFrontCheckIn checkIn) {
    jdbc.sql("""
            insert into home_front_check_in (id, invitation_id, case_id, naaste_user_id, done_at, wellbeing, support,
              burden, note, shared_with_counsellor)
            values (:id, :inv, :c, :u, :at, :w, :s, :b, :note, :shared)""")
        .param("id", checkIn.id()).param("inv", invitationId).param("c", caseId).param("u", naasteUserId)
        .param("at", checkIn.doneAt()).param("w", checkIn.wellbeing()).param("s", checkIn.support())
        .param("b", checkIn.burden()).param("note", checkIn.note()).param("shared", checkIn.sharedWithCounsellor())
        .update();
  }

  /** The naaste's own check-ins, newest first. */
  public List<HomeFrontCheckIn> checkInsOf(String naasteUserId) {
    return jdbc.sql("select * from home_front_check_in where naaste_user_id = :u order by done_at desc, id")
        .param("u", naasteUserId).query(InvitationRepository::checkIn).list();
  }

  /** The check-ins of a case's home front that their authors shared with the counsellor, newest first. */
  public List<HomeFrontCheckIn> sharedCheckIns(UUID caseId) {
    return jdbc.sql("""
            select * from home_front_check_in where case_id = :c and shared_with_counsellor = true
             order by done_at desc, id""")
        .param("c", caseId).query(InvitationRepository::checkIn).list();
  }

  private static String items(Set<HomeFrontItem> items) {
    return items.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  private static Invitation invitation(ResultSet rs, int n) throws SQLException {
    String stored = rs.getString("items");
    Set<HomeFrontItem> items = EnumSet.noneOf(HomeFrontItem.class);
    if (stored != null && !stored.isBlank()) {
      Arrays.stream(stored.split(",")).map(HomeFrontItem::valueOf).forEach(items::add);
    }
    return new Invitation(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("name"),
        HomeFrontRelation.valueOf(rs.getString("relation")), rs.getString("email"),
        rs.getObject("invited_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
        rs.getObject("accepted_at", OffsetDateTime.class), rs.getString("naaste_user_id"),
        rs.getObject("withdrawn_at", OffsetDateTime.class), items, rs.getInt("version"));
  }

  private static HomeFrontCheckIn checkIn(ResultSet rs, int n) throws SQLException {
    return new HomeFrontCheckIn(rs.getObject("id", UUID.class), rs.getObject("done_at", OffsetDateTime.class),
        rs.getInt("wellbeing"), rs.getInt("support"), rs.getInt("burden"), rs.getString("note"),
        rs.getBoolean("shared_with_counsellor"));
  }
}
