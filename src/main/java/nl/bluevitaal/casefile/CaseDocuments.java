package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.casefile.internal.CaseFileAccess;
import nl.bluevitaal.casefile.internal.CaseFileParties;
import nl.bluevitaal.casefile.internal.DocumentRepository;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.privacy.Access;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.CaseParties;
import nl.bluevitaal.privacy.CaseRelation;
import nl.bluevitaal.privacy.Domain;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the documents of the re-integration file (domain C) and the functional advice inside the problem analysis
 * (domain B): who sees which document and which of its versions, the re-integration report, and what a person may do
 * with a document ({@link #actions}). Changes are {@link DocumentChanges}; both read the writers and signers of a type
 * from {@link DocumentType} and a person's relations to the case from the access policy.
 *
 * <p>Drafts are for their writers; a document under review also for the employee; the employer side sees only what
 * was released, and of that only the released version.
 */
@Service
@Transactional(readOnly = true)
public class CaseDocuments {

  private final DocumentRepository documents;
  private final CaseFileAccess access;
  private final MedicalNotes medicalNotes;
  private final CaseFileParties lookup;
  private final Accounts accounts;

  CaseDocuments(DocumentRepository documents, CaseFileAccess access, MedicalNotes medicalNotes,
      CaseFileParties lookup, Accounts accounts) {
    this.accounts = accounts;
    this.documents = documents;
    this.lookup = lookup;
    this.access = access;
    this.medicalNotes = medicalNotes;
  }

  /** The documents of the case the actor may see, without their texts. */
  public List<CaseDocument> list(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "documents");
    Set<CaseRelation> relations = access.relations(actor, parties);
    return documents.ofCase(caseId).stream().filter(d -> visible(relations, d)).toList();
  }

  /**
   * The documents of the case the actor may see, each with every version and sign-off (Mijn traject): one access
   * check and one read of the case's documents instead of one per document, with the same visibility as
   * {@link #list} and {@link #get}. The functional advice is stripped for those who may not read domain B; reading it
   * is audited per document that carries it, as {@link #get} does.
   */
  public List<CaseDocument> listWithVersions(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "documents with texts");
    Set<CaseRelation> relations = access.relations(actor, parties);
    return documents.ofCaseWithVersions(caseId).stream()
        .filter(d -> visible(relations, d))
        .map(d -> forReader(actor, parties, d))
        .toList();
  }

  /** One document with every version the actor may see; the functional advice only for those who may read B. */
  public CaseDocument get(Actor actor, UUID caseId, UUID documentId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "document " + documentId);
    return forReader(actor, parties, load(actor, parties, documentId));
  }

  /** The document types the actor writes in this case (for the "new document" choice); empty for most. */
  public Set<DocumentType> writableTypes(Actor actor, UUID caseId) {
    CaseParties parties = access.parties(actor, caseId, "document types");
    return DocumentType.writtenByAny(access.relations(actor, parties));
  }

  /** What the actor may do with this document now (the buttons a page offers); the document as they read it. */
  public DocumentActions actions(Actor actor, CaseDocument document) {
    CaseParties parties = access.parties(actor, document.caseId(), "document actions");
    return actions(access.relations(actor, parties), document);
  }

  /** {@link #actions(Actor, CaseDocument)} for several documents of one case (a list of them), by document id. */
  public Map<UUID, DocumentActions> actions(Actor actor, UUID caseId, List<CaseDocument> documents) {
    Set<CaseRelation> relations = access.relations(actor, access.parties(actor, caseId, "document actions"));
    Map<UUID, DocumentActions> actions = new HashMap<>();
    documents.stream().filter(d -> d.caseId().equals(caseId))
        .forEach(d -> actions.put(d.id(), actions(relations, d)));
    return actions;
  }

  private static DocumentActions actions(Set<CaseRelation> relations, CaseDocument document) {
    DocumentType type = document.type();
    DocumentStatus status = document.status();
    boolean writer = type.writtenBy(relations);
    boolean reviewing = status == DocumentStatus.FOR_EMPLOYEE_REVIEW && relations.contains(CaseRelation.EMPLOYEE);
    boolean edit = !status.released() && (writer || reviewing);
    boolean review = writer && status == DocumentStatus.DRAFT && type != DocumentType.EMPLOYEE_VIEW;
    boolean release = type.byCompanyDoctor() ? reviewing : !status.released() && (writer || reviewing);
    return new DocumentActions(edit, review, release, signingAs(relations, document) != null);
  }

  /**
   * Domain B: the functional advice of the latest problem analysis (or update) the actor may see; null when there is
   * none yet.
   */
  public FunctionalAdviceView functionalAdvice(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.FUNCTIONAL, Access.READ, "functional advice");
    Set<CaseRelation> relations = access.relations(actor, parties);
    return documents.ofCaseWithVersions(caseId).stream()
        .filter(d -> d.type().carriesFunctionalAdvice())
        .filter(d -> visible(relations, d))
        .filter(d -> d.current() != null && d.current().functionalAdvice() != null)
        .reduce((first, second) -> second)
        .map(CaseDocuments::adviceView)
        .orElse(null);
  }

  /**
   * Domain B of several cases at once (the line manager's team page): per case the actor may read B of, the latest
   * functional advice (absent when there is none yet). Cases whose B the actor may not read are left out, not
   * refused: the page asked, the person did not. One read of the parties and of the documents for all cases; each
   * case's read is audited as in {@link #functionalAdvice(Actor, UUID)}.
   */
  public Map<UUID, FunctionalAdviceView> functionalAdvice(Actor actor, Collection<UUID> caseIds) {
    Map<UUID, Set<CaseRelation>> readers = new HashMap<>();
    lookup.findAll(caseIds).forEach((caseId, caseParties) -> {
      if (access.permits(actor, caseParties, Domain.FUNCTIONAL, Access.READ)) {
        access.require(actor, caseParties, Domain.FUNCTIONAL, Access.READ, "functional advice");
        readers.put(caseId, access.relations(actor, caseParties));
      }
    });
    Map<UUID, FunctionalAdviceView> advice = new HashMap<>();
    for (CaseDocument d : documents.adviceCarriers(readers.keySet())) {
      if (visible(readers.get(d.caseId()), d) && d.current() != null && d.current().functionalAdvice() != null) {
        advice.put(d.caseId(), adviceView(d));
      }
    }
    return advice;
  }

  private static FunctionalAdviceView adviceView(CaseDocument d) {
    return new FunctionalAdviceView(d.id(), d.type(), d.status(), d.current().number(), d.current().createdAt(),
        d.current().functionalAdvice());
  }

  /** The functional advice of one problem analysis version, and where it came from. */
  public record FunctionalAdviceView(UUID documentId, DocumentType type, DocumentStatus status, int versionNumber,
      OffsetDateTime recordedAt, FunctionalAdvice advice) {
  }

  /**
   * The re-integration report (RIV): the seven parts and the employee's own view, each with the documents of the
   * file the actor may see (current version), and what each part still lacks ({@link ReintegrationReport#gaps}). The
   * medical information goes from the doctor to the employee only: anyone else gets the part as withheld, counted as
   * present when the doctor recorded it, without its content.
   */
  public ReintegrationReport reintegrationReport(Actor actor, UUID caseId) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "re-integration report");
    Set<CaseRelation> relations = access.relations(actor, parties);
    List<CaseDocument> all = documents.ofCaseWithVersions(caseId).stream()
        .filter(d -> visible(relations, d)).map(d -> forReader(actor, parties, d)).toList();
    List<ReintegrationReport.Part> parts = new ArrayList<>();
    for (ReintegrationReport.PartName name : ReintegrationReport.PartName.values()) {
      if (name == ReintegrationReport.PartName.MEDICAL_INFORMATION) {
        boolean mayRead = access.permits(actor, parties, Domain.MEDICAL, Access.READ);
        if (mayRead) {
          access.require(actor, parties, Domain.MEDICAL, Access.READ, "medical information of the RIV");
        }
        // Whether the doctor recorded anything is what the employer needs to compile the report; the notes
        // themselves leave this method only for a reader of domain D.
        List<MedicalNote> recorded = medicalNotes.listUnchecked(caseId);
        parts.add(new ReintegrationReport.Part(name, List.of(), mayRead ? recorded : List.of(), !mayRead,
            !recorded.isEmpty()));
        continue;
      }
      List<CaseDocument> inPart = all.stream().filter(d -> name.types().contains(d.type())).toList();
      parts.add(new ReintegrationReport.Part(name, inPart, List.of(), false,
          inPart.stream().anyMatch(d -> d.status().released())));
    }
    CaseDocument cover = all.stream().filter(d -> d.type() == DocumentType.REINTEGRATION_REPORT)
        .reduce((first, second) -> second).orElse(null);
    Set<String> people = new HashSet<>();
    parts.forEach(part -> part.documents().forEach(d -> {
      d.versions().forEach(v -> people.add(v.authorUserId()));
      d.signOffs().forEach(s -> people.add(s.userId()));
    }));
    people.remove(null);
    Map<String, String> names = new java.util.HashMap<>(accounts.displayNames(people));
    if (parties.employeeUserId() != null && people.contains(parties.employeeUserId())) {
      lookup.employeeName(caseId).ifPresent(name -> names.putIfAbsent(parties.employeeUserId(), name));
    }
    return ReintegrationReport.of(caseId, cover, parts, names);
  }

  /**
   * How far the document of a step has come for the person who takes the step: the newest document of the type they
   * may see (written after {@code since}, when given) in at least the required status. The newest, because a plan
   * drafted again after a disagreement is signed anew: a signature under the earlier one does not count. For
   * {@link DocumentStatus#SIGNED} it is the signature of the person's own side under the current version (a step per
   * signer), or both sides' for anyone who does not sign. The re-integration report is ready only when its parts are
   * complete. The document comes back without its versions: the step knows which one and how far it is, never what
   * it says.
   */
  public DocumentProgress progress(Actor actor, UUID caseId, DocumentType type, DocumentStatus required,
      @Nullable OffsetDateTime since) {
    CaseParties parties = access.require(actor, caseId, Domain.REINTEGRATION, Access.READ, "document of a step");
    Set<CaseRelation> relations = access.relations(actor, parties);
    List<CaseDocument> candidates = documents.ofCaseWithVersions(caseId).stream()
        .filter(d -> d.type() == type && visible(relations, d))
        // Strictly after: the document the previous round of a recurring step wrote can bear the very moment the
        // next round opened (the demo's clock stands still while a case's step completes and the next one opens).
        .filter(d -> since == null || d.createdAt().isAfter(since))
        .toList();
    boolean signs = required == DocumentStatus.SIGNED && type.signsAs(relations).isPresent();
    CaseDocument newest = candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
    CaseDocument done = newest != null && reached(relations, newest, required, signs) ? newest : null;
    DocumentProgress.Shortfall shortfall;
    if (done != null) {
      shortfall = DocumentProgress.Shortfall.NONE;
    } else if (newest == null) {
      shortfall = DocumentProgress.Shortfall.MISSING;
    } else if (required == DocumentStatus.SIGNED && newest.status().released()) {
      shortfall = DocumentProgress.Shortfall.NOT_SIGNED;
    } else {
      shortfall = DocumentProgress.Shortfall.NOT_YET;
    }
    List<ReintegrationReport.Gap> gaps = List.of();
    if (type == DocumentType.REINTEGRATION_REPORT) {
      gaps = reintegrationReport(actor, caseId).gaps();
      if (shortfall == DocumentProgress.Shortfall.NONE && !gaps.isEmpty()) {
        shortfall = DocumentProgress.Shortfall.REPORT_INCOMPLETE;
      }
    }
    return new DocumentProgress(type, required, since != null,
        newest == null ? null : newest.withVersions(List.of(), List.of()), shortfall, type.writtenBy(relations), gaps);
  }

  private static boolean reached(Set<CaseRelation> relations, CaseDocument document, DocumentStatus required,
      boolean signs) {
    if (required != DocumentStatus.SIGNED || !signs) {
      return document.status().ordinal() >= required.ordinal();
    }
    return document.status() == DocumentStatus.SIGNED || document.status() == DocumentStatus.RELEASED
        && document.current() != null && signingAs(relations, document) == null;
  }

  /** The document as stored, when the actor may know it; the same 404 as an unknown one otherwise. */
  CaseDocument load(Actor actor, CaseParties parties, UUID documentId) {
    CaseDocument document = documents.find(parties.caseId(), documentId)
        .orElseThrow(() -> access.notFound(actor, parties, "document " + documentId));
    if (!visible(access.relations(actor, parties), document)) {
      throw access.notFound(actor, parties, "document " + documentId);
    }
    return document;
  }

  /**
   * The relation in which the actor would sign the document now, or null when they may not: a released co-signed
   * document that is not yet signed by both sides, and their own side has not signed its current version.
   */
  static CaseRelation signingAs(Set<CaseRelation> relations, CaseDocument document) {
    CaseRelation as = document.type().signsAs(relations).orElse(null);
    if (as == null || document.status() != DocumentStatus.RELEASED || document.current() == null) {
      return null;
    }
    int number = document.current().number();
    boolean sideSigned = document.signOffs().stream().filter(s -> s.versionNumber() == number)
        .anyMatch(s -> as == CaseRelation.EMPLOYEE ? CaseRelation.EMPLOYEE.name().equals(s.role())
            : DocumentType.employerSide(s.role()));
    return sideSigned ? null : as;
  }

  /**
   * Drafts are for their writers; a document under review also for the employee; the employer side sees only what
   * was released.
   */
  private static boolean visible(Set<CaseRelation> relations, CaseDocument document) {
    if (document.status().released() || document.type().writtenBy(relations)) {
      return true;
    }
    return document.status() == DocumentStatus.FOR_EMPLOYEE_REVIEW && relations.contains(CaseRelation.EMPLOYEE);
  }

  /**
   * The document as this reader may have it. Its writers and the employee see every version; anyone else sees only
   * the version that was released (a released document no longer changes, so that is the current one): an earlier
   * version of the company doctor's analysis, before the employee corrected it, never reaches the employer side, nor
   * does a writer's draft. Domain B is stripped unless the reader may see it; reading it is audited.
   */
  CaseDocument forReader(Actor actor, CaseParties parties, CaseDocument document) {
    Set<CaseRelation> relations = access.relations(actor, parties);
    if (!document.type().writtenBy(relations) && !relations.contains(CaseRelation.EMPLOYEE)
        && document.versions().size() > 1) {
      document = document.withVersions(List.of(document.current()), document.signOffs());
    }
    if (document.versions().stream().noneMatch(v -> v.functionalAdvice() != null)) {
      return document;
    }
    if (access.permits(actor, parties, Domain.FUNCTIONAL, Access.READ)) {
      access.require(actor, parties, Domain.FUNCTIONAL, Access.READ, "functional advice in " + document.id());
      return document;
    }
    return document.withVersions(document.versions().stream()
        .map(v -> new DocumentVersion(v.number(), v.content(), null, v.authorUserId(), v.authorRole(),
            v.createdAt()))
        .toList(), document.signOffs());
  }
}
