package nl.bluevitaal.casefile;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.casefile.internal.DocumentRepository;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life cycle of the documents of the re-integration file:
 *
 * <ul>
 *   <li>A writer (as {@link DocumentType#writtenBy} says) creates a draft and adds versions.</li>
 *   <li>The company doctor's documents (problem analysis and its updates, current opinion) go to the employee for
 *       review first. The employee may correct them, recorded as a new version by the employee, and only the
 *       employee releases them to the employer side.</li>
 *   <li>Other documents are released by their writer, optionally after an employee review.</li>
 *   <li>A released document never changes: a change is an update (a new document). Plans and evaluations are then
 *       signed by the employee and the employer side (line manager or counsellor, one of them); with both it is
 *       SIGNED and takes no further signatures.</li>
 * </ul>
 *
 * Every change quotes the document's version; a stale one gets {@link StaleEditException}. A change the state does
 * not allow is {@link InvalidStateException}; a person who may not make it is refused through the access policy.
 */
@Service
@Transactional
public class DocumentChanges {

  private final CaseDocuments reads;
  private final DocumentRepository documents;
  private final CaseFileAccess access;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  DocumentChanges(CaseDocuments reads, DocumentRepository documents, CaseFileAccess access, Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.reads = reads;
    this.documents = documents;
    this.access = access;
    this.clock = clock;
  }

  public CaseDocument create(Actor actor, UUID caseId, DocumentType type, String title, String content,
      FunctionalAdvice advice) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "new " + type);
    CaseRelation writer = requireWriter(actor, parties, type, "write a " + type);
    requireAdviceFits(actor, parties, type, advice);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    documents.insert(id, caseId, type, title, actor.userId(), now);
    documents.insertVersion(id, 1, content, advice, actor.userId(), writer.name(), now);
    return reads.forReader(actor, parties, documents.find(caseId, id).orElseThrow());
  }

  /**
   * A new version: by a writer while the document is a draft or under review, or by the employee during their
   * review (a correction).
   */
  public CaseDocument addVersion(Actor actor, UUID caseId, UUID documentId, int expectedVersion, String content,
      FunctionalAdvice advice) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ,
        "new version of " + documentId);
    CaseDocument document = reads.load(actor, parties, documentId);
    Set<CaseRelation> relations = access.relations(actor, parties);
    boolean employeeCorrects = document.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW
        && relations.contains(CaseRelation.EMPLOYEE) && !document.type().writtenBy(relations);
    CaseRelation author;
    FunctionalAdvice kept = advice;
    if (employeeCorrects) {
      author = CaseRelation.EMPLOYEE;
      if (advice != null && !document.type().carriesFunctionalAdvice()) {
        throw adviceNotHere();
      }
      // The employee may correct the whole analysis before it is released (their right to rectification); a
      // correction that leaves the advice out keeps the doctor's advice rather than dropping it.
      if (advice == null && document.current() != null) {
        kept = document.current().functionalAdvice();
      }
    } else {
      author = requireWriter(actor, parties, document.type(), "change a " + document.type());
      requireAdviceFits(actor, parties, document.type(), advice);
    }
    if (document.status().released()) {
      throw new InvalidStateException(
          "This document has been released and no longer changes; write an update instead.");
    }
    bump(document, expectedVersion, document.status());
    documents.insertVersion(documentId, documents.versionCount(documentId) + 1, content, kept, actor.userId(),
        author.name(), now());
    return reads.forReader(actor, parties, documents.find(caseId, documentId).orElseThrow());
  }

  /** DRAFT to FOR_EMPLOYEE_REVIEW (by a writer), or to RELEASED (see the class comment for who releases). */
  public CaseDocument changeStatus(Actor actor, UUID caseId, UUID documentId, int expectedVersion,
      DocumentStatus target) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ,
        target + " of " + documentId);
    CaseDocument document = reads.load(actor, parties, documentId);
    DocumentStatus from = document.status();
    boolean employee = access.relations(actor, parties).contains(CaseRelation.EMPLOYEE);
    switch (target) {
      case FOR_EMPLOYEE_REVIEW -> {
        requireWriter(actor, parties, document.type(), "submit a " + document.type() + " for review");
        if (from != DocumentStatus.DRAFT || document.type() == DocumentType.EMPLOYEE_VIEW) {
          throw new InvalidStateException("Only a draft can go to the employee for review; this one is " + from + ".");
        }
      }
      case RELEASED -> {
        if (document.type().byCompanyDoctor()) {
          if (from != DocumentStatus.FOR_EMPLOYEE_REVIEW) {
            throw new InvalidStateException(
                "The employee reads this document before it is released; submit it for their review first.");
          }
          if (!employee) {
            throw access.refuse(actor, parties, Domain.REINTEGRATION,
                "only the employee releases a " + document.type() + " after reading it");
          }
        } else {
          if (!(employee && from == DocumentStatus.FOR_EMPLOYEE_REVIEW)) {
            requireWriter(actor, parties, document.type(), "release a " + document.type());
          }
          if (from.released()) {
            throw new InvalidStateException("This document has already been released.");
          }
        }
      }
      default -> throw new InvalidInputException(Map.of("status", "must be FOR_EMPLOYEE_REVIEW or RELEASED"));
    }
    bump(document, expectedVersion, target);
    if (target == DocumentStatus.RELEASED && document.current() != null
        && (document.type() == DocumentType.PLAN_OF_ACTION || document.type() == DocumentType.PLAN_OF_ACTION_UPDATE)) {
      events.publishEvent(CaseFileEvents.PlanOfActionReleased.of(caseId, documentId, document.current().content()));
    }
    return reads.forReader(actor, parties, documents.find(caseId, documentId).orElseThrow());
  }

  /**
   * Signs the current version as the employee, or for the employer side as the line manager or the counsellor of
   * the case. With the employee's signature and the employer side's it is SIGNED.
   */
  public CaseDocument signOff(Actor actor, UUID caseId, UUID documentId, int expectedVersion) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "sign " + documentId);
    CaseDocument document = reads.load(actor, parties, documentId);
    Set<CaseRelation> relations = access.relations(actor, parties);
    if (!document.type().coSigned()) {
      throw new InvalidStateException("A " + document.type() + " is not signed.");
    }
    CaseRelation as = document.type().signsAs(relations)
        .orElseThrow(() -> access.refuse(actor, parties, Domain.REINTEGRATION, "sign a " + document.type()));
    if (!document.status().released()) {
      throw new InvalidStateException("Only a released document can be signed.");
    }
    if (document.status() == DocumentStatus.SIGNED) {
      throw new InvalidStateException("This document has been signed by both sides already.");
    }
    if (CaseDocuments.signingAs(relations, document) == null) {
      throw new InvalidStateException(as == CaseRelation.EMPLOYEE ? "You have already signed this version."
          : "The employer side has already signed this version.");
    }
    int number = document.current().number();
    List<String> signedAs = Stream.concat(document.signOffs().stream().filter(s -> s.versionNumber() == number)
        .map(SignOff::role), Stream.of(as.name())).toList();
    bump(document, expectedVersion,
        DocumentType.signedByBothSides(signedAs) ? DocumentStatus.SIGNED : document.status());
    documents.insertSignOff(documentId, number, actor.userId(), as.name(), now());
    return reads.forReader(actor, parties, documents.find(caseId, documentId).orElseThrow());
  }

  /**
   * The relation in which the actor writes the type; refuses anyone else. The company doctor's documents carry the
   * functional advice, so refusing them is a refusal in domain B.
   */
  private CaseRelation requireWriter(Actor actor, CaseParties parties, DocumentType type, String what) {
    return type.writesAs(access.relations(actor, parties)).orElseThrow(() -> access.refuse(actor, parties,
        type.byCompanyDoctor() ? Domain.FUNCTIONAL : Domain.REINTEGRATION, what));
  }

  private void requireAdviceFits(Actor actor, CaseParties parties, DocumentType type, FunctionalAdvice advice) {
    if (advice == null) {
      return;
    }
    if (!type.carriesFunctionalAdvice()) {
      throw adviceNotHere();
    }
    access.require(actor, parties, Domain.FUNCTIONAL, Access.WRITE, "functional advice in a " + type);
  }

  private static InvalidInputException adviceNotHere() {
    return new InvalidInputException(Map.of("functionalAdvice",
        "only a problem analysis or its update carries functional advice"));
  }

  private void bump(CaseDocument document, int expectedVersion, DocumentStatus status) {
    if (!documents.touch(document.id(), expectedVersion, status, now())) {
      throw new StaleEditException("document", document.id(), expectedVersion,
          documents.currentVersion(document.id()));
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
