package nl.bluevitaal.casefile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.DocumentStatus;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.casefile.DocumentVersion;
import nl.bluevitaal.casefile.FunctionalAdvice;
import nl.bluevitaal.casefile.SignOff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over case_document, its versions and sign-offs. */
@Repository
public class DocumentRepository {

  private final JdbcClient jdbc;

  public DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, UUID caseId, DocumentType type, String title, String createdBy, OffsetDateTime now) {
    jdbc.sql("""
            insert into case_document (id, case_id, type, status, title, created_by, created_at, updated_at, version)
            values (:id, :c, :t, 'DRAFT', :title, :by, :now, :now, 0)""")
        .param("id", id).param("c", caseId).param("t", type.name()).param("title", title).param("by", createdBy)
        .param("now", now).update();
  }

  public void insertVersion(UUID documentId, int number, String content, FunctionalAdvice advice, String author,
      String authorRole, OffsetDateTime now) {
    FunctionalAdvice f = advice == null ? new FunctionalAdvice(null, null, null, null, null) : advice;
    jdbc.sql("""
            insert into case_document_version (document_id, number, content, functional_limitations,
                remaining_abilities, work_advice, adjustments, expected_duration, author_user_id, author_role, created_at)
            values (:d, :n, :content, :lim, :abl, :adv, :adj, :dur, :author, :role, :now)""")
        .param("d", documentId).param("n", number).param("content", content).param("lim", f.limitations())
        .param("abl", f.remainingAbilities()).param("adv", f.advice()).param("adj", f.adjustments())
        .param("dur", f.expectedDuration()).param("author", author).param("role", authorRole).param("now", now)
        .update();
  }

  /** Bumps the version when it is still {@code expectedVersion}; false when someone else changed it first. */
  public boolean touch(UUID documentId, int expectedVersion, DocumentStatus status, OffsetDateTime now) {
    return jdbc.sql("""
            update case_document set status = :s, version = version + 1, updated_at = :now,
                   released_at = case when :released and released_at is null then :now else released_at end
             where id = :d and version = :v""")
        .param("s", status.name()).param("now", now).param("released", status.released())
        .param("d", documentId).param("v", expectedVersion).update() == 1;
  }

  public void insertSignOff(UUID documentId, int versionNumber, String userId, String role, OffsetDateTime now) {
    jdbc.sql("""
            insert into case_document_signoff (document_id, version_number, user_id, role, signed_at)
            values (:d, :n, :u, :r, :now)""")
        .param("d", documentId).param("n", versionNumber).param("u", userId).param("r", role).param("now", now)
        .update();
  }

  public Optional<CaseDocument> find(UUID caseId, UUID documentId) {
    return jdbc.sql("select * from case_document where id = :d and case_id = :c")
        .param("d", documentId).param("c", caseId).query(DocumentRepository::document).optional()
        .map(d -> d.withVersions(versions(d.id()), signOffs(d.id())));
  }

  public int currentVersion(UUID documentId) {
    return jdbc.sql("select version from case_document where id = :d").param("d", documentId)
        .query(Integer.class).optional().orElse(-1);
  }

  /** The documents of a case without their version texts (the list view), oldest first. */
  public List<CaseDocument> ofCase(UUID caseId) {
    return jdbc.sql("select * from case_document where case_id = :c order by created_at, id").param("c", caseId)
        .query(DocumentRepository::document).list();
  }

  /**
   * The documents of a case with every version and sign-off (the RIV bundle, Mijn traject): three queries for the
   * whole case rather than two per document.
   */
  public List<CaseDocument> ofCaseWithVersions(UUID caseId) {
    // The documents first, then what belongs to exactly those: a document added meanwhile is simply not listed.
    List<CaseDocument> documents = ofCase(caseId);
    if (documents.isEmpty()) {
      return documents;
    }
    List<UUID> ids = documents.stream().map(CaseDocument::id).toList();
    Map<UUID, List<DocumentVersion>> versions = new HashMap<>();
    jdbc.sql("select * from case_document_version where document_id in (:ids) order by document_id, number")
        .param("ids", ids)
        .query((rs, n) -> Map.entry(rs.getObject("document_id", UUID.class), version(rs, n))).list()
        .forEach(e -> versions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<UUID, List<SignOff>> signOffs = new HashMap<>();
    jdbc.sql("""
            select * from case_document_signoff where document_id in (:ids)
             order by document_id, signed_at, user_id""")
        .param("ids", ids)
        .query((rs, n) -> Map.entry(rs.getObject("document_id", UUID.class), signOff(rs)))
        .list()
        .forEach(e -> signOffs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return documents.stream()
        .map(d -> d.withVersions(versions.getOrDefault(d.id(), List.of()), signOffs.getOrDefault(d.id(), List.of())))
        .toList();
  }

  /**
   * The documents of several cases that carry functional advice, with their versions (the team page): two queries
   * for the whole team.
   */
  public List<CaseDocument> adviceCarriers(Collection<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    List<CaseDocument> documents = jdbc.sql("""
            select * from case_document where case_id in (:ids) and type in (:types) order by created_at, id""")
        .param("ids", caseIds)
        .param("types", Arrays.stream(DocumentType.values()).filter(DocumentType::carriesFunctionalAdvice)
            .map(Enum::name).toList())
        .query(DocumentRepository::document).list();
    if (documents.isEmpty()) {
      return documents;
    }
    Map<UUID, List<DocumentVersion>> versions = new HashMap<>();
    jdbc.sql("select * from case_document_version where document_id in (:ids) order by document_id, number")
        .param("ids", documents.stream().map(CaseDocument::id).toList())
        .query((rs, n) -> Map.entry(rs.getObject("document_id", UUID.class), version(rs, n))).list()
        .forEach(e -> versions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return documents.stream()
        .map(d -> d.withVersions(versions.getOrDefault(d.id(), List.of()), List.of()))
        .toList();
  }

  public int versionCount(UUID documentId) {
    return jdbc.sql("select count(*) from case_document_version where document_id = :d").param("d", documentId)
        .query(Integer.class).single();
  }

  private List<DocumentVersion> versions(UUID documentId) {
    return jdbc.sql("select * from case_document_version where document_id = :d order by number")
        .param("d", documentId).query(DocumentRepository::version).list();
  }

  private List<SignOff> signOffs(UUID documentId) {
    return jdbc.sql("select * from case_document_signoff where document_id = :d order by signed_at, user_id")
        .param("d", documentId)
        .query((rs, n) -> signOff(rs))
        .list();
  }

  private static SignOff signOff(ResultSet rs) throws SQLException {
    return new SignOff(rs.getInt("version_number"), rs.getString("user_id"), rs.getString("role"),
        rs.getObject("signed_at", OffsetDateTime.class));
  }

  private static CaseDocument document(ResultSet rs, int n) throws SQLException {
    return new CaseDocument(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
        DocumentType.valueOf(rs.getString("type")), DocumentStatus.valueOf(rs.getString("status")),
        rs.getString("title"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("released_at", OffsetDateTime.class),
        rs.getInt("version"), List.of(), List.of());
  }

  private static DocumentVersion version(ResultSet rs, int n) throws SQLException {
    FunctionalAdvice advice = new FunctionalAdvice(rs.getString("functional_limitations"),
        rs.getString("remaining_abilities"), rs.getString("work_advice"), rs.getString("adjustments"),
        rs.getString("expected_duration"));
    boolean empty = advice.limitations() == null && advice.remainingAbilities() == null && advice.advice() == null
        && advice.adjustments() == null && advice.expectedDuration() == null;
    return new DocumentVersion(rs.getInt("number"), rs.getString("content"), empty ? null : advice,
        rs.getString("author_user_id"), rs.getString("author_role"), rs.getObject("created_at", OffsetDateTime.class));
  }
}
