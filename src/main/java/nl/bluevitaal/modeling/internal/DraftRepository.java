package nl.bluevitaal.modeling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.journey.JourneyModels.Kind;
import nl.bluevitaal.modeling.Draft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the workbench's own tables (V26): drafts, their revisions, the workbench's deployments. */
@Repository
public class DraftRepository {

  /** Who deployed a version from the workbench, who approved it and why. */
  public record DeploymentNote(String modelKey, int version, String proposedBy, String approvedBy, String deployedBy,
      Instant deployedAt, String changeNote) {
  }

  private static final String DRAFT_SELECT = """
      select id, model_key, kind, base_version, status, revision, created_by, created_at, change_note, proposed_by,
             reviewed_by, review_note, deployed_version
        from model_draft
      """;

  private final JdbcClient jdbc;

  DraftRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Draft draft, String xml, int latestVersion) {
    jdbc.sql("""
            insert into model_draft (id, model_key, kind, base_version, status, revision, created_by, created_at,
                                     latest_version_at_creation)
            values (:id, :key, :kind, :base, :status, :revision, :by, :at, :latest)
            """)
        .param("id", draft.id()).param("key", draft.modelKey()).param("kind", draft.kind().name())
        .param("latest", latestVersion)
        .param("base", draft.baseVersion()).param("status", draft.status().name())
        .param("revision", draft.revision()).param("by", draft.createdBy()).param("at", at(draft.createdAt()))
        .update();
    insertRevision(draft.id(), draft.revision(), xml, draft.createdBy(), draft.createdAt(), Draft.Source.COPY);
  }

  public Optional<Draft> find(UUID id) {
    return jdbc.sql(DRAFT_SELECT + " where id = :id").param("id", id).query(DraftRepository::draft).optional();
  }

  /** The draft, locked for the rest of the transaction: two saves of one draft take turns. */
  public Optional<Draft> lock(UUID id) {
    return jdbc.sql(DRAFT_SELECT + " where id = :id for update").param("id", id).query(DraftRepository::draft)
        .optional();
  }

  /** The newest deployed version of the model when the draft was made (its base version for older drafts). */
  public int latestVersionAtCreation(UUID id) {
    return jdbc.sql("select coalesce(latest_version_at_creation, base_version) from model_draft where id = :id")
        .param("id", id).query(Integer.class).single();
  }

  /** Locks every draft of the model until the transaction ends: approvals of one model go one at a time. */
  public void lockModel(String modelKey) {
    jdbc.sql("select id from model_draft where model_key = :key for update").param("key", modelKey)
        .query(UUID.class).list();
  }

  public List<Draft> unfinished() {
    return jdbc.sql(DRAFT_SELECT + " where status <> 'DEPLOYED' order by created_at desc, id")
        .query(DraftRepository::draft).list();
  }

  public List<Draft> unfinished(String modelKey) {
    return jdbc.sql(DRAFT_SELECT + " where model_key = :key and status <> 'DEPLOYED' order by created_at desc, id")
        .param("key", modelKey).query(DraftRepository::draft).list();
  }

  public String xml(UUID draftId, int revision) {
    return jdbc.sql("select xml from model_draft_revision where draft_id = :id and revision = :revision")
        .param("id", draftId).param("revision", revision).query(String.class).single();
  }

  public List<Draft.Revision> revisions(UUID draftId) {
    return jdbc.sql("""
            select revision, saved_by, saved_at, source from model_draft_revision
             where draft_id = :id order by revision desc""")
        .param("id", draftId)
        .query((rs, n) -> new Draft.Revision(rs.getInt(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(), Draft.Source.valueOf(rs.getString(4))))
        .list();
  }

  public void saveRevision(UUID draftId, int revision, String xml, String by, Instant at, Draft.Source source) {
    insertRevision(draftId, revision, xml, by, at, source);
    jdbc.sql("update model_draft set revision = :revision where id = :id")
        .param("revision", revision).param("id", draftId).update();
  }

  public void propose(UUID draftId, String by, String changeNote) {
    jdbc.sql("update model_draft set status = 'PROPOSED', proposed_by = :by, change_note = :note where id = :id")
        .param("by", by).param("note", changeNote).param("id", draftId).update();
  }

  public void reject(UUID draftId, String by, String reason) {
    jdbc.sql("""
            update model_draft set status = 'OPEN', reviewed_by = :by, review_note = :reason, proposed_by = null
             where id = :id""")
        .param("by", by).param("reason", reason).param("id", draftId).update();
  }

  public void deployed(UUID draftId, String by, int version) {
    jdbc.sql("""
            update model_draft set status = 'DEPLOYED', reviewed_by = :by, review_note = null,
                   deployed_version = :version where id = :id""")
        .param("by", by).param("version", version).param("id", draftId).update();
  }

  public void insertDeployment(String deploymentId, String modelKey, int version, String versionTag, UUID draftId,
      String proposedBy, String approvedBy, Instant at, String changeNote) {
    jdbc.sql("""
            insert into model_deployment (deployment_id, model_key, version, version_tag, draft_id, proposed_by,
                                          approved_by, deployed_by, deployed_at, change_note)
            values (:deployment, :key, :version, :tag, :draft, :proposedBy, :approvedBy, :approvedBy, :at, :note)
            """)
        .param("deployment", deploymentId).param("key", modelKey).param("version", version)
        .param("tag", versionTag).param("draft", draftId).param("proposedBy", proposedBy)
        .param("approvedBy", approvedBy).param("at", at(at)).param("note", changeNote).update();
  }

  /** The workbench's deployments by model key and version. */
  public Map<String, DeploymentNote> deploymentNotes() {
    return jdbc.sql("""
            select model_key, version, proposed_by, approved_by, deployed_by, deployed_at, change_note
              from model_deployment""")
        .query((rs, n) -> new DeploymentNote(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)))
        .list().stream().collect(Collectors.toMap(n -> n.modelKey() + "#" + n.version(), n -> n));
  }

  private void insertRevision(UUID draftId, int revision, String xml, String by, Instant at, Draft.Source source) {
    jdbc.sql("""
            insert into model_draft_revision (draft_id, revision, xml, saved_by, saved_at, source)
            values (:id, :revision, :xml, :by, :at, :source)""")
        .param("id", draftId).param("revision", revision).param("xml", xml).param("by", by).param("at", at(at))
        .param("source", source.name()).update();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Draft draft(ResultSet rs, int row) throws SQLException {
    int deployed = rs.getInt("deployed_version");
    Integer deployedVersion = rs.wasNull() ? null : deployed;
    return new Draft(rs.getObject("id", UUID.class), rs.getString("model_key"), Kind.valueOf(rs.getString("kind")),
        rs.getInt("base_version"), Draft.Status.valueOf(rs.getString("status")), rs.getInt("revision"),
        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("change_note"), rs.getString("proposed_by"), rs.getString("reviewed_by"),
        rs.getString("review_note"), deployedVersion);
  }
}
