package nl.bluevitaal.selfservice.checkin.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bluevitaal.journey.CheckInTriage.Level;
import nl.bluevitaal.selfservice.checkin.CheckIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the check-ins' own table. */
@Repository
public class CheckInRepository {

  private static final String SELECT = """
      select id, client_id, case_id, instrument, answers, raw_score, score_pct, note, triage_level, triage_reason,
             taken_at, received_at
        from check_in
      """;

  private final JdbcClient jdbc;

  CheckInRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores it unless a check-in with the same client id is there for the case; true when stored now. The unique key
   * is the last guard against two sends at the same moment (the loser's transaction fails).
   */
  public boolean insertIfAbsent(CheckIn checkIn, String employeeUserId) {
    return jdbc.sql("""
            insert into check_in (id, client_id, case_id, employee_user_id, instrument, answers, raw_score, score_pct,
                                  note, triage_level, triage_reason, taken_at, received_at)
            select :id, :clientId, :caseId, :employee, :instrument, :answers, :raw, :pct, :note, :level, :reason,
                   :takenAt, :receivedAt
              from (values (1)) as one(x)
             where not exists (select 1 from check_in where case_id = :caseId and client_id = :clientId)
            """)
        .param("id", checkIn.id()).param("clientId", checkIn.clientId()).param("caseId", checkIn.caseId())
        .param("employee", employeeUserId).param("instrument", checkIn.instrument())
        .param("answers", checkIn.answers().stream().map(String::valueOf).collect(Collectors.joining(",")))
        .param("raw", checkIn.rawScore()).param("pct", checkIn.scorePercentage()).param("note", checkIn.note())
        .param("level", checkIn.level().name()).param("reason", checkIn.reason())
        .param("takenAt", checkIn.takenAt()).param("receivedAt", checkIn.receivedAt())
        .update() == 1;
  }

  public Optional<CheckIn> byClientId(UUID caseId, UUID clientId) {
    return jdbc.sql(SELECT + " where case_id = :caseId and client_id = :clientId")
        .param("caseId", caseId).param("clientId", clientId).query(CheckInRepository::row).optional();
  }

  public Optional<CheckIn> byId(UUID caseId, UUID id) {
    return jdbc.sql(SELECT + " where case_id = :caseId and id = :id")
        .param("caseId", caseId).param("id", id).query(CheckInRepository::row).optional();
  }

  /** The case's check-ins, newest first; at most {@code limit}. */
  public List<CheckIn> ofCase(UUID caseId, int limit) {
    return jdbc.sql(SELECT + " where case_id = :caseId order by taken_at desc, id fetch first :limit rows only")
        .param("caseId", caseId).param("limit", limit).query(CheckInRepository::row).list();
  }

  /** How many check-ins the case has taken since this moment. */
  public int countSince(UUID caseId, OffsetDateTime since) {
    return jdbc.sql("select count(*) from check_in where case_id = :caseId and taken_at >= :since")
        .param("caseId", caseId).param("since", since).query(Integer.class).single();
  }

  private static CheckIn row(ResultSet rs, int n) throws SQLException {
    List<Integer> answers = Arrays.stream(rs.getString("answers").split(",")).map(Integer::valueOf).toList();
    return new CheckIn(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
        rs.getObject("case_id", UUID.class), rs.getString("instrument"), answers, rs.getInt("raw_score"),
        rs.getInt("score_pct"), rs.getString("note"), Level.valueOf(rs.getString("triage_level")),
        rs.getString("triage_reason"), rs.getObject("taken_at", OffsetDateTime.class),
        rs.getObject("received_at", OffsetDateTime.class));
  }
}
