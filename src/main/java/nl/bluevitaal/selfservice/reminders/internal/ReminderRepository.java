package nl.bluevitaal.selfservice.reminders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the reminders' own table. */
@Repository
public class ReminderRepository {

  /** A row: the check-in day (null for none), steps waiting, version. */
  public record Row(String userId, DayOfWeek checkInDay, boolean waitingSteps, int version) {
  }

  private final JdbcClient jdbc;

  ReminderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> find(String userId) {
    return jdbc.sql("select user_id, check_in_day, waiting_steps, version from reminder_setting where user_id = :u")
        .param("u", userId).query(ReminderRepository::row).optional();
  }

  /** Stores the first version; false when another save was first (the caller answers 409). */
  public boolean insert(String userId, DayOfWeek checkInDay, boolean waitingSteps, OffsetDateTime now) {
    return jdbc.sql("""
            insert into reminder_setting (user_id, check_in_day, waiting_steps, version, updated_at)
            select :u, :day, :steps, 1, :now from (values (1)) as one(x)
             where not exists (select 1 from reminder_setting where user_id = :u)
            """)
        .param("u", userId).param("day", day(checkInDay)).param("steps", waitingSteps).param("now", now)
        .update() == 1;
  }

  /** Stores the next version if {@code expected} is still the current one; false otherwise (409). */
  public boolean update(String userId, int expected, DayOfWeek checkInDay, boolean waitingSteps, OffsetDateTime now) {
    return jdbc.sql("""
            update reminder_setting set check_in_day = :day, waiting_steps = :steps, version = version + 1,
                   updated_at = :now
             where user_id = :u and version = :expected
            """)
        .param("u", userId).param("expected", expected).param("day", day(checkInDay)).param("steps", waitingSteps)
        .param("now", now).update() == 1;
  }

  /** Who wants their check-in reminder on this day. */
  public List<String> checkInOn(DayOfWeek day) {
    return jdbc.sql("select user_id from reminder_setting where check_in_day = :day order by user_id")
        .param("day", day.getValue()).query(String.class).list();
  }

  /** Who wants to hear when a step waits for them. */
  public List<String> waitingSteps() {
    return jdbc.sql("select user_id from reminder_setting where waiting_steps order by user_id")
        .query(String.class).list();
  }

  private static Integer day(DayOfWeek day) {
    return day == null ? null : day.getValue();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    int day = rs.getInt("check_in_day");
    DayOfWeek checkInDay = rs.wasNull() ? null : DayOfWeek.of(day);
    return new Row(rs.getString("user_id"), checkInDay, rs.getBoolean("waiting_steps"), rs.getInt("version"));
  }
}
