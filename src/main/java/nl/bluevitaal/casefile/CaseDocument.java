package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * A document of the re-integration file (domain C) with its versions, newest last, and sign-offs. {@code version}
 * is the optimistic-locking version every change must quote.
 */
public record CaseDocument(UUID id, UUID caseId, DocumentType type, DocumentStatus status, String title,
    String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, @Nullable OffsetDateTime releasedAt, int version,
    List<DocumentVersion> versions, List<SignOff> signOffs) {

  public CaseDocument {
    versions = versions == null ? List.of() : List.copyOf(versions);
    signOffs = signOffs == null ? List.of() : List.copyOf(signOffs);
  }

  public DocumentVersion current() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }

  public CaseDocument withVersions(List<DocumentVersion> newVersions, List<SignOff> newSignOffs) {
    return new CaseDocument(id, caseId, type, status, title, createdBy, createdAt, updatedAt, releasedAt, version,
        newVersions, newSignOffs);
  }
}
