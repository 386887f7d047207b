package nl.bluevitaal.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support network (domain F): home-front contacts and a buddy, each resting on the employee's explicit,
 * revocable consent. Only the employee adds contacts or withdraws consent. Once withdrawn, a contact is hidden from
 * everyone but the employee, and a buddy loses their access to the case.
 */
@Service
@Transactional
public class SupportNetwork {

  private final JdbcClient jdbc;
  private final CaseFileAccess access;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SupportNetwork(JdbcClient jdbc, CaseFileAccess access, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.access = access;
    this.clock = clock;
    this.events = events;
  }

  /**
   * The employee sees every contact, withdrawn ones included; the company doctor and care professionals the
   * consented contacts; a counsellor only that they exist; a buddy only their own relation.
   */
  @Transactional(readOnly = true)
  public List<SupportContact> list(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.SUPPORT_NETWORK, Access.READ, "support network");
    List<SupportContact> all = jdbc.sql("select * from support_contact where case_id = :c order by consent_given_at, id")
        .param("c", caseId).query(SupportNetwork::contact).list();
    Set<CaseRelation> relations = access.relations(actor, parties);
    if (relations.contains(CaseRelation.EMPLOYEE)) {
      return all;
    }
    List<SupportContact> consented = all.stream().filter(SupportContact::consented).toList();
    if (relations.equals(Set.of(CaseRelation.BUDDY))) {
      return consented.stream().filter(c -> actor.userId().equals(c.buddyUserId()))
          .map(c -> new SupportContact(c.id(), c.kind(), null, null, c.buddyUserId(), c.consentGivenAt(), null, null))
          .toList();
    }
    if (!access.policy().seesSupportNetworkDetails(actor, parties)) {
      return consented.stream().map(c -> new SupportContact(null, c.kind(), null, null, null, null, null, null))
          .toList();
    }
    return consented;
  }

  public SupportContact add(Actor actor, UUID caseId, SupportContact.Kind kind, String name, String relation,
      String buddyUserId) {
    CaseParties parties = access.require(actor, caseId, Domain.SUPPORT_NETWORK, Access.WRITE, "new support contact");
    requireEmployee(actor, parties, "add a support contact");
    if (kind != SupportContact.Kind.BUDDY && buddyUserId != null) {
      throw new InvalidInputException(Map.of("buddyUserId", "only a buddy has a login"));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into support_contact (id, case_id, kind, name, relation, buddy_user_id, consent_given_at, version)
            values (:id, :c, :k, :n, :r, :b, :now, 0)""")
        .param("id", id).param("c", caseId).param("k", kind.name()).param("n", name).param("r", relation)
        .param("b", buddyUserId).param("now", OffsetDateTime.now(clock)).update();
    events.publishEvent(new CaseFileEvents.SupportContactAdded(caseId, id, kind));
    return find(caseId, id).orElseThrow();
  }

  /** The employee withdraws consent: the contact is hidden from everyone else from now on. */
  public SupportContact withdrawConsent(Actor actor, UUID caseId, UUID contactId) {
    CaseParties parties = access.require(actor, caseId, Domain.SUPPORT_NETWORK, Access.WRITE,
        "withdraw consent " + contactId);
    requireEmployee(actor, parties, "withdraw consent");
    SupportContact contact = find(caseId, contactId)
        .orElseThrow(() -> access.notFound(actor, parties, "support contact " + contactId));
    if (!contact.consented()) {
      throw new InvalidStateException("Consent for this contact has already been withdrawn.");
    }
    jdbc.sql("""
            update support_contact set consent_revoked_at = :now, version = version + 1
             where id = :id and consent_revoked_at is null""")
        .param("now", OffsetDateTime.now(clock)).param("id", contactId).update();
    events.publishEvent(new CaseFileEvents.SupportConsentWithdrawn(caseId, contactId));
    return find(caseId, contactId).orElseThrow();
  }

  private void requireEmployee(Actor actor, CaseParties parties, String what) {
    if (!actor.userId().equals(parties.employeeUserId())) {
      throw access.refuse(actor, parties, Domain.SUPPORT_NETWORK, "only the employee may " + what);
    }
  }

  private Optional<SupportContact> find(UUID caseId, UUID id) {
    return jdbc.sql("select * from support_contact where id = :id and case_id = :c").param("id", id)
        .param("c", caseId).query(SupportNetwork::contact).optional();
  }

  private static SupportContact contact(ResultSet rs, int n) throws SQLException {
    return new SupportContact(rs.getObject("id", UUID.class), SupportContact.Kind.valueOf(rs.getString("kind")),
        rs.getString("name"), rs.getString("relation"), rs.getString("buddy_user_id"),
        rs.getObject("consent_given_at", OffsetDateTime.class),
        rs.getObject("consent_revoked_at", OffsetDateTime.class), rs.getInt("version"));
  }
}
