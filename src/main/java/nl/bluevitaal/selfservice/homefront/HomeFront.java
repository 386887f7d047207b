package nl.bluevitaal.selfservice.homefront;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseFileEvents;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.CaseSummary;
import nl.bluevitaal.casefile.SupportContact;
import nl.bluevitaal.casefile.SupportNetwork;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.notices.DirectMail;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.privacy.OwnCaseLookup;
import nl.bluevitaal.selfservice.checkin.CheckIns;
import nl.bluevitaal.selfservice.homefront.internal.InvitationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home front with the employee's consent (domain F). The employee invites, chooses and withdraws; the invited
 * person accepts by the link and becomes a naaste with an account of their own, who sees only the chosen items while
 * the consent stands; the counsellor learns that a contact exists and its state. Every read of the naaste's view and
 * every change is in the audit trail (the policy's check, or a recorded action).
 */
@Service
@Transactional
public class HomeFront {

  /** The path of an invitation link; the token follows. */
  public static final String INVITATION_PATH = "/uitnodiging/";

  private static final Logger log = LoggerFactory.getLogger(HomeFront.class);
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final SecureRandom RANDOM = new SecureRandom();
  /** 256 bits: far beyond guessing, and the link stays short in base64url. */
  private static final int TOKEN_BYTES = 32;

  private final InvitationRepository invitations;
  private final SupportNetwork network;
  private final CaseRegistry cases;
  private final OwnCaseLookup ownCases;
  private final AccessPolicy policy;
  private final Accounts accounts;
  private final DirectMail mail;
  private final MessageSource messages;
  private final HomeFrontProperties properties;
  private final CheckIns checkIns;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  HomeFront(InvitationRepository invitations, SupportNetwork network, CaseRegistry cases, OwnCaseLookup ownCases,
      AccessPolicy policy, Accounts accounts, DirectMail mail, MessageSource messages, HomeFrontProperties properties,
      CheckIns checkIns, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.invitations = invitations;
    this.network = network;
    this.cases = cases;
    this.ownCases = ownCases;
    this.policy = policy;
    this.accounts = accounts;
    this.mail = mail;
    this.messages = messages;
    this.properties = properties;
    this.checkIns = checkIns;
    this.clock = clock;
  }

  // --- the employee ---

  /** The employee's own case, or a refusal for anyone who has none (staff, a naaste). */
  @Transactional(readOnly = true)
  public UUID ownCase(Actor actor) {
    return ownCases.currentCaseOf(actor.userId())
        .orElseThrow(() -> policy.roleRefusal(actor, null, "home front (no case of their own)"));
  }

  /** Every invitation of the employee's own case, newest first, withdrawn and expired ones included. */
  @Transactional(readOnly = true)
  public List<Invitation> invitations(Actor actor, UUID caseId) {
    policy.checkOwnFile(actor, caseId, Access.READ, "home front invitations");
    return invitations.ofCase(caseId);
  }

  /**
   * Invites a partner or family member: a home-front contact in the case file (the consent), an invitation with the
   * default choices, a link that expires, mailed when mail is configured.
   */
  public NewInvitation invite(Actor actor, UUID caseId, String name, HomeFrontRelation relation, String email) {
    CaseParties parties = policy.checkOwnFile(actor, caseId, Access.WRITE, "home front invitation");
    SupportContact contact = network.add(actor, caseId, SupportContact.Kind.HOME_FRONT, name.strip(),
        relation.name().toLowerCase(Locale.ROOT), null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Invitation invitation = new Invitation(UUID.randomUUID(), caseId, name.strip(), relation, email.strip(), now,
        now.plus(properties.invitationValidFor()), null, null, null, HomeFrontItem.defaults(), 0);
    invitations.insert(invitation, actor.userId(), contact.id(), hash(token));
    policy.recordAction(actor, parties, Domain.SUPPORT_NETWORK, "home front invited (" + relation.name() + ")");
    String link = mail.link(INVITATION_PATH + token);
    boolean mailed = mail.configured();
    if (mailed) {
      String from = firstName(cases.get(caseId).employeeName());
      mail.send(invitation.email(), messages.getMessage("homefront.mail.subject", new Object[] {from}, DUTCH),
          messages.getMessage("homefront.mail.text", new Object[] {invitation.name(), from, link,
              properties.invitationValidFor().toDays()}, DUTCH));
    }
    log.info("Case {}: home front invited", caseId);
    return new NewInvitation(invitations.find(invitation.id()).orElseThrow(), link, mailed);
  }

  /**
   * The employee's choices for one invitation, when {@code expectedVersion} is still current.
   *
   * @throws StaleChoiceException when it changed meanwhile or was withdrawn
   */
  public Invitation choose(Actor actor, UUID caseId, UUID invitationId, int expectedVersion, Set<HomeFrontItem> items) {
    CaseParties parties = policy.checkOwnFile(actor, caseId, Access.WRITE, "home front choices");
    Invitation invitation = ofCase(actor, parties, invitationId);
    EnumSet<HomeFrontItem> chosen = items.isEmpty() ? EnumSet.noneOf(HomeFrontItem.class) : EnumSet.copyOf(items);
    if (!invitations.choose(invitation.id(), expectedVersion, chosen)) {
      throw new StaleChoiceException();
    }
    policy.recordAction(actor, parties, Domain.SUPPORT_NETWORK, "home front may see " + chosen);
    return invitations.find(invitationId).orElseThrow();
  }

  /**
   * Withdraws the consent of one invitation: the naaste's next request is refused, and the case file's contact loses
   * its consent too. Withdrawing twice changes nothing.
   */
  public Invitation withdraw(Actor actor, UUID caseId, UUID invitationId) {
    CaseParties parties = policy.checkOwnFile(actor, caseId, Access.WRITE, "home front withdrawal");
    Invitation invitation = ofCase(actor, parties, invitationId);
    if (invitations.withdraw(invitation.id(), OffsetDateTime.now(clock))) {
      policy.recordAction(actor, parties, Domain.SUPPORT_NETWORK, "home front access withdrawn");
      UUID contactId = invitations.contactOf(invitation.id()).orElse(null);
      if (contactId != null && network.list(actor, caseId).stream()
          .anyMatch(c -> contactId.equals(c.id()) && c.consented())) {
        network.withdrawConsent(actor, caseId, contactId);
      }
      log.info("Case {}: home-front access withdrawn", caseId);
    }
    return invitations.find(invitationId).orElseThrow();
  }

  // --- the invitation link ---

  /**
   * The invitation behind a link, while it can be accepted.
   *
   * @throws InvitationUnusableException with the reason otherwise
   */
  @Transactional(readOnly = true)
  public Invitation open(String token) {
    Invitation invitation = token == null || token.isBlank() || token.length() > 100 ? null
        : invitations.byTokenHash(hash(token)).orElse(null);
    if (invitation == null) {
      throw new InvitationUnusableException(InvitationUnusableException.Reason.UNKNOWN);
    }
    return switch (invitation.state(OffsetDateTime.now(clock))) {
      case WITHDRAWN -> throw new InvitationUnusableException(InvitationUnusableException.Reason.WITHDRAWN);
      case ACTIVE -> throw new InvitationUnusableException(InvitationUnusableException.Reason.USED);
      case EXPIRED -> throw new InvitationUnusableException(InvitationUnusableException.Reason.EXPIRED);
      case INVITED -> invitation;
    };
  }

  /** The employee's first name, for the invitation page ("Anna nodigt je uit"). */
  @Transactional(readOnly = true)
  public String inviterFirstName(Invitation invitation) {
    return firstName(cases.get(invitation.caseId()).employeeName());
  }

  /**
   * Accepts the link: an account of its own in group {@link Groups#HOME_FRONT}, with the login name and password the
   * naaste chose; the link is used up.
   *
   * @throws InvitationUnusableException when the link cannot be used (any more)
   * @throws UsernameTakenException when the login name belongs to someone
   */
  public Invitation accept(String token, String username, String password) {
    Invitation invitation = open(token);
    if (accounts.exists(username)) {
      throw new UsernameTakenException();
    }
    if (!invitations.accept(invitation.id(), username, OffsetDateTime.now(clock))) {
      throw new InvitationUnusableException(InvitationUnusableException.Reason.USED);
    }
    String[] names = invitation.name().split("\\s+", 2);
    accounts.ensureUser(username, names[0], names.length > 1 ? names[1] : "", invitation.email(), password,
        List.of(Groups.HOME_FRONT));
    events.publishEvent(new CaseFileEvents.HomeFrontJoined(invitation.caseId()));
    log.info("Case {}: home-front invitation accepted", invitation.caseId());
    return invitations.find(invitation.id()).orElseThrow();
  }

  // --- the naaste ---

  /**
   * What the naaste may see now: the chosen items only. Refused (403, audited where answered) for anyone who is no
   * naaste; for a naaste whose access was withdrawn, {@link HomeFrontAccessEndedException}.
   */
  public HomeFrontView view(Actor actor) {
    Active active = activeInvitation(actor, "home front view");
    Invitation invitation = active.invitation();
    CaseSummary summary = cases.get(invitation.caseId());
    boolean next = invitation.shows(HomeFrontItem.NEXT_STEP);
    List<HomeFrontProperties.Contact> whomToCall = invitation.shows(HomeFrontItem.WHOM_TO_CALL)
        ? properties.whomToCall() : List.of();
    Boolean checkInDone = invitation.shows(HomeFrontItem.CHECK_IN_DONE)
        ? checkIns.doneThisWeek(actor, active.parties()) : null;
    return new HomeFrontView(firstName(summary.employeeName()), invitation.items(),
        invitation.shows(HomeFrontItem.PHASE) ? summary.phase() : null,
        next ? summary.nextDeadline() : null, next ? summary.nextDeadlineOn() : null, whomToCall, checkInDone);
  }

  /** The naaste's own check-in about how they are doing; shared with the counsellor only when they say so. */
  public HomeFrontCheckIn checkIn(Actor actor, int wellbeing, int support, int burden, String note, boolean share) {
    Invitation invitation = activeInvitation(actor, "home front check-in").invitation();
    HomeFrontCheckIn checkIn = new HomeFrontCheckIn(UUID.randomUUID(), OffsetDateTime.now(clock), wellbeing, support,
        burden, note == null || note.isBlank() ? null : note.strip(), share);
    invitations.insertCheckIn(invitation.id(), invitation.caseId(), actor.userId(), checkIn);
    return checkIn;
  }

  /** The naaste's own check-ins, newest first: theirs alone. */
  @Transactional(readOnly = true)
  public List<HomeFrontCheckIn> ownCheckIns(Actor actor) {
    activeInvitation(actor, "home front check-ins");
    return invitations.checkInsOf(actor.userId());
  }

  // --- the counsellor ---

  /**
   * For the case's counsellor and care: that home-front contacts exist, their consent state and since when, and the
   * check-ins the naastes shared. Null for anyone else (the employee has their own page; the line manager none).
   */
  @Transactional(readOnly = true)
  public HomeFrontStatus statusFor(Actor actor, UUID caseId) {
    CaseParties parties = policy.check(actor, caseId, Domain.SUPPORT_NETWORK, Access.READ, "home front status");
    Set<CaseRelation> relations = policy.relations(actor, parties);
    if (!relations.contains(CaseRelation.COUNSELLOR) && !relations.contains(CaseRelation.CARE_PROFESSIONAL)
        && !relations.contains(CaseRelation.COMPANY_DOCTOR)) {
      return null;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<HomeFrontStatus.Contact> contacts = new ArrayList<>();
    for (Invitation invitation : invitations.ofCase(caseId)) {
      contacts.add(new HomeFrontStatus.Contact(invitation.state(now), invitation.since(now)));
    }
    return new HomeFrontStatus(contacts, invitations.sharedCheckIns(caseId));
  }

  /** The naaste's invitation while their access stands, and the case's parties the policy checked it against. */
  private record Active(Invitation invitation, CaseParties parties) {
  }

  private Active activeInvitation(Actor actor, String what) {
    Invitation invitation = actor.isIn(Groups.HOME_FRONT) ? invitations.ofNaaste(actor.userId()).orElse(null) : null;
    if (invitation == null) {
      throw policy.roleRefusal(actor, null, what + " (no home front)");
    }
    if (invitation.withdrawnAt() != null) {
      // Refused like any other, but the naaste gets a calm page that their access ended, not the general 403.
      throw new HomeFrontAccessEndedException(policy.roleRefusal(actor, invitation.caseId(),
          what + " (access withdrawn)"));
    }
    // The policy decides too, and records the read in the employee's "who looked".
    CaseParties parties = policy.check(actor, invitation.caseId(), Domain.SUPPORT_NETWORK, Access.READ, what);
    return new Active(invitation, parties);
  }

  private Invitation ofCase(Actor actor, CaseParties parties, UUID invitationId) {
    return invitations.find(invitationId).filter(i -> i.caseId().equals(parties.caseId()))
        .orElseThrow(() -> policy.hidden(actor, parties, "home front invitation " + invitationId));
  }

  private static String firstName(String name) {
    return name == null ? "" : name.strip().split("\\s+")[0];
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
