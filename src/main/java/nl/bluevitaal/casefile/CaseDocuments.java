package nl.bluevitaal.casefile;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.Domain;
import nl.bluevitaal.web.ConflictException;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of the re-integration file (domain C) and the functional advice inside the problem analysis
 * (domain B), with their life cycle:
 *
 * <ul>
 *   <li>A writer (as the access policy says per document type) creates a draft and adds versions; only writers
 *       see drafts.</li>
 *   <li>The company doctor's documents (problem analysis and its updates, current opinion) go to the employee for
 *       review first. The employee may correct them, recorded as a new version by the employee, and only the
 *       employee releases them to the employer side.</li>
 *   <li>Other documents are released by their writer, optionally after an employee review.</li>
 *   <li>A released document never changes: a change is an update (a new document). Plans and evaluations are then
 *       signed by the employee and the employer side (line manager or counsellor); with both it is SIGNED.</li>
 * </ul>
 *
 * Every change quotes the document's version; a stale one gets {@link StaleEditException}.
 */
@Service
@Transactional
public class CaseDocuments {

  private final DocumentRepository documents;
  private final CaseFileAccess access;
  private final MedicalNotes medicalNotes;
  private final Clock clock;

  CaseDocuments(DocumentRepository documents, CaseFileAccess access, MedicalNotes medicalNotes, Clock clock) {
    this.documents = documents;
    this.access = access;
    this.medicalNotes = medicalNotes;
    this.clock = clock;
  }

  /** The documents of the case the actor may see, without their texts. */
  @Transactional(readOnly = true)
  public List<CaseDocument> list(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "documents");
    return documents.ofCase(caseId).stream().filter(d -> visible(actor, parties, d)).toList();
  }

  /**
   * The documents of the case the actor may see, each with every version and sign-off (Mijn traject): one access
   * check and one read of the case's documents instead of one per document, with the same visibility as
   * {@link #list} and {@link #get}. The functional advice is stripped for those who may not read domain B; reading it
   * is audited per document that carries it, as {@link #get} does.
   */
  @Transactional(readOnly = true)
  public List<CaseDocument> listWithVersions(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "documents with texts");
    return documents.ofCaseWithVersions(caseId).stream()
        .filter(d -> visible(actor, parties, d))
        .map(d -> forReader(actor, parties, d))
        .toList();
  }

  /** One document with every version; the functional advice only for those who may read domain B. */
  @Transactional(readOnly = true)
  public CaseDocument get(Actor actor, UUID caseId, UUID documentId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "document " + documentId);
    return forReader(actor, parties, load(actor, parties, documentId));
  }

  public CaseDocument create(Actor actor, UUID caseId, DocumentType type, String title, String content,
      FunctionalAdvice advice) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "new " + type);
    requireWriter(actor, parties, type, "write a " + type);
    requireAdviceFits(actor, parties, type, advice);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    documents.insert(id, caseId, type, title, actor.userId(), now);
    documents.insertVersion(id, 1, content, advice, actor.userId(), CaseRole.of(actor, parties).name(), now);
    return forReader(actor, parties, documents.find(caseId, id).orElseThrow());
  }

  /**
   * A new version: by a writer while the document is a draft or under review, or by the employee during their
   * review (a correction).
   */
  public CaseDocument addVersion(Actor actor, UUID caseId, UUID documentId, int expectedVersion, String content,
      FunctionalAdvice advice) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ,
        "new version of " + documentId);
    CaseDocument document = load(actor, parties, documentId);
    boolean employeeCorrects = document.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW
        && CaseRole.of(actor, parties) == CaseRole.EMPLOYEE;
    if (!employeeCorrects) {
      requireWriter(actor, parties, document.type(), "change a " + document.type());
      requireAdviceFits(actor, parties, document.type(), advice);
    } else if (advice != null && !document.type().carriesFunctionalAdvice()) {
      throw adviceNotHere();
    }
    if (document.status().released()) {
      throw new ConflictException("This document has been released and no longer changes; write an update instead.");
    }
    bump(document, expectedVersion, document.status());
    documents.insertVersion(documentId, documents.versionCount(documentId) + 1, content, advice, actor.userId(),
        CaseRole.of(actor, parties).name(), now());
    return forReader(actor, parties, documents.find(caseId, documentId).orElseThrow());
  }

  /** DRAFT to FOR_EMPLOYEE_REVIEW (by a writer), or to RELEASED (see the class comment for who releases). */
  public CaseDocument changeStatus(Actor actor, UUID caseId, UUID documentId, int expectedVersion,
      DocumentStatus target) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ,
        target + " of " + documentId);
    CaseDocument document = load(actor, parties, documentId);
    DocumentStatus from = document.status();
    boolean employee = CaseRole.of(actor, parties) == CaseRole.EMPLOYEE;
    switch (target) {
      case FOR_EMPLOYEE_REVIEW -> {
        requireWriter(actor, parties, document.type(), "submit a " + document.type() + " for review");
        if (from != DocumentStatus.DRAFT) {
          throw new ConflictException("Only a draft can go to the employee for review; this one is " + from + ".");
        }
      }
      case RELEASED -> {
        if (document.type().byCompanyDoctor()) {
          if (from != DocumentStatus.FOR_EMPLOYEE_REVIEW) {
            throw new ConflictException(
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
            throw new ConflictException("This document has already been released.");
          }
        }
      }
      default -> throw new FieldErrorsException(Map.of("status", "must be FOR_EMPLOYEE_REVIEW or RELEASED"));
    }
    bump(document, expectedVersion, target);
    return forReader(actor, parties, documents.find(caseId, documentId).orElseThrow());
  }

  /**
   * Signs the current version as employee, line manager or counsellor of the case. A plan or evaluation with the
   * employee's signature and one of the employer side is SIGNED.
   */
  public CaseDocument signOff(Actor actor, UUID caseId, UUID documentId, int expectedVersion) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "sign " + documentId);
    CaseDocument document = load(actor, parties, documentId);
    CaseRole role = CaseRole.of(actor, parties);
    boolean signer = role == CaseRole.EMPLOYEE || role == CaseRole.LINE_MANAGER
        || (role == CaseRole.COUNSELLOR && access.permits(actor, parties, Domain.REINTEGRATION, Access.WRITE));
    if (!signer) {
      throw access.refuse(actor, parties, Domain.REINTEGRATION, "sign a " + document.type());
    }
    if (!document.type().coSigned()) {
      throw new ConflictException("A " + document.type() + " is not signed.");
    }
    if (!document.status().released()) {
      throw new ConflictException("Only a released document can be signed.");
    }
    int number = document.current().number();
    boolean already = document.signOffs().stream()
        .anyMatch(s -> s.versionNumber() == number && s.userId().equals(actor.userId()));
    if (already) {
      throw new ConflictException("You have already signed this version.");
    }
    List<SignOff> signOffs = new ArrayList<>(document.signOffs());
    signOffs.add(new SignOff(number, actor.userId(), role.name(), now()));
    boolean byEmployee = signOffs.stream().anyMatch(s -> s.versionNumber() == number
        && CaseRole.EMPLOYEE.name().equals(s.role()));
    boolean byEmployer = signOffs.stream().anyMatch(s -> s.versionNumber() == number
        && (CaseRole.LINE_MANAGER.name().equals(s.role()) || CaseRole.COUNSELLOR.name().equals(s.role())));
    bump(document, expectedVersion, byEmployee && byEmployer ? DocumentStatus.SIGNED : document.status());
    documents.insertSignOff(documentId, number, actor.userId(), role.name(), now());
    return forReader(actor, parties, documents.find(caseId, documentId).orElseThrow());
  }

  /**
   * Domain B: the functional advice of the latest released problem analysis (or update) the actor may see; null
   * when there is none yet.
   */
  @Transactional(readOnly = true)
  public FunctionalAdviceView functionalAdvice(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.FUNCTIONAL, Access.READ, "functional advice");
    return documents.ofCaseWithVersions(caseId).stream()
        .filter(d -> d.type().carriesFunctionalAdvice())
        .filter(d -> visible(actor, parties, d))
        .filter(d -> d.current() != null && d.current().functionalAdvice() != null)
        .reduce((first, second) -> second)
        .map(d -> new FunctionalAdviceView(d.id(), d.type(), d.status(), d.current().number(),
            d.current().createdAt(), d.current().functionalAdvice()))
        .orElse(null);
  }

  /** The functional advice of one problem analysis version, and where it came from. */
  public record FunctionalAdviceView(UUID documentId, DocumentType type, DocumentStatus status, int versionNumber,
      OffsetDateTime recordedAt, FunctionalAdvice advice) {
  }

  /**
   * The re-integration report (RIV): the seven parts and the employee's own view, each with the documents of the
   * file the actor may see (current version). The medical information goes from the doctor to the employee only:
   * anyone else gets the part as withheld.
   */
  @Transactional(readOnly = true)
  public ReintegrationReport reintegrationReport(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "re-integration report");
    List<CaseDocument> all = documents.ofCaseWithVersions(caseId).stream()
        .filter(d -> visible(actor, parties, d)).map(d -> forReader(actor, parties, d)).toList();
    List<ReintegrationReport.Part> parts = new ArrayList<>();
    for (ReintegrationReport.PartName name : ReintegrationReport.PartName.values()) {
      if (name == ReintegrationReport.PartName.MEDICAL_INFORMATION) {
        boolean mayRead = access.permits(actor, parties, Domain.MEDICAL, Access.READ);
        if (mayRead) {
          access.require(actor, parties, Domain.MEDICAL, Access.READ, "medical information of the RIV");
        }
        List<MedicalNote> notes = mayRead ? medicalNotes.listUnchecked(caseId) : List.of();
        parts.add(new ReintegrationReport.Part(name, List.of(), notes, !mayRead, !notes.isEmpty()));
        continue;
      }
      List<CaseDocument> inPart = all.stream().filter(d -> name.types().contains(d.type())).toList();
      parts.add(new ReintegrationReport.Part(name, inPart, List.of(), false,
          inPart.stream().anyMatch(d -> d.status().released())));
    }
    CaseDocument cover = all.stream().filter(d -> d.type() == DocumentType.REINTEGRATION_REPORT)
        .reduce((first, second) -> second).orElse(null);
    return new ReintegrationReport(caseId, cover, parts,
        parts.stream().allMatch(p -> p.complete() || p.withheld()));
  }

  private CaseDocument load(Actor actor, CaseParties parties, UUID documentId) {
    CaseDocument document = documents.find(parties.caseId(), documentId)
        .orElseThrow(() -> access.notFound(actor, parties, "document " + documentId));
    if (!visible(actor, parties, document)) {
      throw access.notFound(actor, parties, "document " + documentId);
    }
    return document;
  }

  /**
   * Drafts are for their writers; a document under review also for the employee; the employer side sees only what
   * was released.
   */
  private boolean visible(Actor actor, CaseParties parties, CaseDocument document) {
    if (document.status().released()) {
      return true;
    }
    if (mayWrite(actor, parties, document.type())) {
      return true;
    }
    return document.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW
        && CaseRole.of(actor, parties) == CaseRole.EMPLOYEE;
  }

  /**
   * The document as this reader may have it. Its writers and the employee see every version; anyone else sees only
   * the version that was released (a released document no longer changes, so that is the current one): an earlier
   * version of the company doctor's analysis, before the employee corrected it, never reaches the employer side, nor
   * does a writer's draft. Domain B is stripped unless the reader may see it; reading it is audited.
   */
  private CaseDocument forReader(Actor actor, CaseParties parties, CaseDocument document) {
    if (!mayWrite(actor, parties, document.type()) && CaseRole.of(actor, parties) != CaseRole.EMPLOYEE
        && document.versions().size() > 1) {
      document = document.withVersions(List.of(document.current()), document.signOffs());
    }
    if (!hasAdvice(document)) {
      return document;
    }
    if (access.permits(actor, parties, Domain.FUNCTIONAL, Access.READ)) {
      access.require(actor, parties, Domain.FUNCTIONAL, Access.READ, "functional advice in " + document.id());
      return document;
    }
    return withoutAdvice(document);
  }

  private static boolean hasAdvice(CaseDocument document) {
    return document.versions().stream().anyMatch(v -> v.functionalAdvice() != null);
  }

  private static CaseDocument withoutAdvice(CaseDocument document) {
    return document.withVersions(document.versions().stream()
        .map(v -> new DocumentVersion(v.number(), v.content(), null, v.authorUserId(), v.authorRole(),
            v.createdAt()))
        .toList(), document.signOffs());
  }

  /**
   * Who writes a type: the employee their own view; the company doctor (or care professional) the problem analysis,
   * its updates and the current opinion; the counsellor everything else (the policy's rule per type, an update
   * asked as the document it updates).
   */
  private boolean mayWrite(Actor actor, CaseParties parties, DocumentType type) {
    if (type == DocumentType.EMPLOYEE_VIEW) {
      return CaseRole.of(actor, parties) == CaseRole.EMPLOYEE;
    }
    DocumentType asked = type == DocumentType.PROBLEM_ANALYSIS_UPDATE ? DocumentType.PROBLEM_ANALYSIS : type;
    return access.policy().mayWriteDocument(actor, parties, asked.name());
  }

  /**
   * Refuses a non-writer. Where the matrix itself says no (an employee writing a plan, a counsellor writing the
   * company doctor's functional advice), the refusal goes through the policy's check and is audited.
   */
  private void requireWriter(Actor actor, CaseParties parties, DocumentType type, String what) {
    if (mayWrite(actor, parties, type)) {
      return;
    }
    if (type == DocumentType.EMPLOYEE_VIEW) {
      throw access.refuse(actor, parties, Domain.REINTEGRATION, what);
    }
    Domain domain = type.byCompanyDoctor() ? Domain.FUNCTIONAL : Domain.REINTEGRATION;
    access.require(actor, parties, domain, Access.WRITE, what);
    throw access.refuse(actor, parties, domain, what);
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

  private static FieldErrorsException adviceNotHere() {
    return new FieldErrorsException(Map.of("functionalAdvice",
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
