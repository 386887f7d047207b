package nl.bluevitaal.casefile.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.bluevitaal.casefile.CaseDeadline;
import nl.bluevitaal.casefile.CaseLeave;
import nl.bluevitaal.casefile.CasePeople;
import nl.bluevitaal.casefile.CaseStatus;
import nl.bluevitaal.casefile.CaseSummary;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.Phase;
import nl.bluevitaal.casefile.ServiceRelated;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.casefile.WorkCapacityRecord;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.poortwachter.SickPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over our own tables; the engine's tables are never read here. */
@Repository
public class CaseRepository {

  private static final String SUMMARY_SELECT = """
      select c.id, c.case_number, c.employee_id, e.display_name, e.team, e.line_manager_user_id, c.status, c.phase,
             c.counsellor_user_id, c.company_doctor_user_id, c.work_capacity_pct,
             (select min(p.sick_from) from sick_period p where p.case_id = c.id) as first_sick_day,
             c.next_deadline_milestone, c.next_deadline_on, c.overdue, c.service_related, c.version
        from reintegration_case c
        join employee e on e.id = c.employee_id
      """;

  private static final String ROW_SELECT = SUMMARY_SELECT.replace("c.service_related, c.version",
      "c.service_related, c.version, e.user_id as employee_user_id");

  private final JdbcClient jdbc;
  private final String nextCaseNumberSql;

  public CaseRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    // The one statement H2 and PostgreSQL spell differently.
    this.nextCaseNumberSql = isH2(dataSource)
        ? "select next value for case_number_seq" : "select nextval('case_number_seq')";
  }

  private static boolean isH2(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product", e);
    }
  }

  public void insertEmployee(Employee e, OffsetDateTime now) {
    jdbc.sql("""
            insert into employee (id, personnel_number, display_name, user_id, unit, team, line_manager_user_id, created_at)
            values (:id, :pn, :name, :user, :unit, :team, :lm, :now)""")
        .param("id", e.id()).param("pn", e.personnelNumber()).param("name", e.displayName())
        .param("user", e.userId()).param("unit", e.unit()).param("team", e.team())
        .param("lm", e.lineManagerUserId()).param("now", now)
        .update();
  }

  public boolean updateEmploymentEnd(UUID employeeId, LocalDate endedOn) {
    return jdbc.sql("update employee set employment_ended_on = :d where id = :e")
        .param("d", endedOn).param("e", employeeId).update() == 1;
  }

  public Optional<Employee> findEmployee(UUID id) {
    return jdbc.sql("select * from employee where id = :id").param("id", id).query(CaseRepository::employee).optional();
  }

  public Optional<Employee> findEmployeeByUserId(String userId) {
    return jdbc.sql("select * from employee where user_id = :u").param("u", userId)
        .query(CaseRepository::employee).optional();
  }

  public Optional<Employee> findEmployeeByPersonnelNumber(String personnelNumber) {
    return jdbc.sql("select * from employee where personnel_number = :pn").param("pn", personnelNumber)
        .query(CaseRepository::employee).optional();
  }

  public long nextCaseNumber() {
    return jdbc.sql(nextCaseNumberSql).query(Long.class).single();
  }

  public void insertCase(UUID id, String caseNumber, SickReport report, OffsetDateTime now) {
    jdbc.sql("""
            insert into reintegration_case (id, case_number, employee_id, status, phase, counsellor_user_id,
                company_doctor_user_id, work_capacity_pct, service_related, opened_at, updated_at)
            values (:id, :nr, :emp, 'OPEN', 'INTAKE', :couns, :doc, 0, :service, :now, :now)""")
        .param("id", id).param("nr", caseNumber).param("emp", report.employeeId())
        .param("service", report.serviceRelated().name())
        .param("couns", report.counsellorUserId()).param("doc", report.companyDoctorUserId()).param("now", now)
        .update();
  }

  public void insertSickPeriod(UUID caseId, LocalDate sickFrom, LocalDate recoveredOn) {
    jdbc.sql("insert into sick_period (id, case_id, sick_from, recovered_on) values (:id, :c, :from, :rec)")
        .param("id", UUID.randomUUID()).param("c", caseId).param("from", sickFrom).param("rec", recoveredOn)
        .update();
  }

  public List<SickPeriod> sickPeriods(UUID caseId) {
    return jdbc.sql("select sick_from, recovered_on from sick_period where case_id = :c order by sick_from")
        .param("c", caseId)
        .query((rs, n) -> new SickPeriod(rs.getObject("sick_from", LocalDate.class),
            rs.getObject("recovered_on", LocalDate.class)))
        .list();
  }

  /** Closes the open sick period of the case; false when there is none that started before {@code recoveredOn}. */
  public boolean closeOpenSickPeriod(UUID caseId, LocalDate recoveredOn) {
    return jdbc.sql("""
            update sick_period set recovered_on = :rec
             where case_id = :c and recovered_on is null and sick_from < :rec""")
        .param("rec", recoveredOn).param("c", caseId).update() == 1;
  }

  /** After a relapse moved the open deadlines, an overdue mark only stays where the moved date has passed too. */
  public void clearOverdueNotYetDue(UUID caseId, LocalDate today) {
    jdbc.sql("""
            update case_deadline set overdue = false
             where case_id = :c and met_on is null and (due_on is null or due_on >= :today)""")
        .param("c", caseId).param("today", today).update();
  }

  public int[] extensions(UUID caseId) {
    return jdbc.sql("select voluntary_extension_weeks, wage_sanction_weeks from reintegration_case where id = :c")
        .param("c", caseId)
        .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
        .single();
  }

  /** The day UWV received the 42-week notification; null while not recorded. */
  public LocalDate uwvNotifiedOn(UUID caseId) {
    // A list, because a null column is no single result to JdbcClient.
    List<LocalDate> day = jdbc.sql("select uwv_notified_on from reintegration_case where id = :c").param("c", caseId)
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
    return day.isEmpty() ? null : day.get(0);
  }

  public boolean updateUwvNotifiedOn(UUID caseId, LocalDate receivedOn, int expectedVersion, OffsetDateTime now) {
    return jdbc.sql("""
            update reintegration_case set uwv_notified_on = :d, version = version + 1, updated_at = :now
             where id = :c and version = :v""")
        .param("d", receivedOn).param("now", now).param("c", caseId).param("v", expectedVersion)
        .update() == 1;
  }

  /** The pregnancy and birth leave of the case, oldest first. */
  public List<CaseLeave> leaves(UUID caseId) {
    return jdbc.sql("select id, leave_from, leave_to from case_leave where case_id = :c order by leave_from")
        .param("c", caseId)
        .query((rs, n) -> new CaseLeave(rs.getObject("id", UUID.class), rs.getObject("leave_from", LocalDate.class),
            rs.getObject("leave_to", LocalDate.class)))
        .list();
  }

  public void insertLeave(UUID caseId, CaseLeave leave, OffsetDateTime now) {
    jdbc.sql("""
            insert into case_leave (id, case_id, leave_from, leave_to, recorded_at)
            values (:id, :c, :from, :to, :now)""")
        .param("id", leave.id()).param("c", caseId).param("from", leave.from()).param("to", leave.to())
        .param("now", now).update();
  }

  public boolean deleteLeave(UUID caseId, UUID leaveId) {
    return jdbc.sql("delete from case_leave where id = :id and case_id = :c")
        .param("id", leaveId).param("c", caseId).update() == 1;
  }

  /** A change that takes no version from the caller still makes forms read before it stale. */
  public void touch(UUID caseId, OffsetDateTime now) {
    jdbc.sql("update reintegration_case set version = version + 1, updated_at = :now where id = :c")
        .param("now", now).param("c", caseId).update();
  }

  public void updateDaysLate(UUID caseId, Milestone milestone, int daysLate) {
    jdbc.sql("update case_deadline set days_late = :d where case_id = :c and milestone = :m")
        .param("d", daysLate).param("c", caseId).param("m", milestone.name()).update();
  }

  public void upsertDeadline(UUID caseId, Milestone milestone, LocalDate dueOn) {
    int updated = jdbc.sql("update case_deadline set due_on = :due where case_id = :c and milestone = :m and met_on is null")
        .param("due", dueOn).param("c", caseId).param("m", milestone.name()).update();
    if (updated == 0 && deadline(caseId, milestone).isEmpty()) {
      jdbc.sql("insert into case_deadline (case_id, milestone, due_on) values (:c, :m, :due)")
          .param("c", caseId).param("m", milestone.name()).param("due", dueOn).update();
    }
  }

  public Optional<CaseDeadline> deadline(UUID caseId, Milestone milestone) {
    return jdbc.sql("select * from case_deadline where case_id = :c and milestone = :m")
        .param("c", caseId).param("m", milestone.name())
        .query(CaseRepository::deadline).optional();
  }

  public List<CaseDeadline> deadlines(UUID caseId) {
    return jdbc.sql("select * from case_deadline where case_id = :c").param("c", caseId)
        .query(CaseRepository::deadline).list()
        .stream().sorted((a, b) -> a.milestone().compareTo(b.milestone())).toList();
  }

  /** True when it was open until now (a deadline met twice keeps its first day). */
  public boolean markDeadlineMet(UUID caseId, Milestone milestone, LocalDate on) {
    return jdbc.sql("update case_deadline set met_on = :on where case_id = :c and milestone = :m and met_on is null")
        .param("on", on).param("c", caseId).param("m", milestone.name()).update() > 0;
  }

  /** True when the deadline is open (not met). */
  public boolean markDeadlineOverdue(UUID caseId, Milestone milestone) {
    return jdbc.sql("update case_deadline set overdue = true where case_id = :c and milestone = :m and met_on is null")
        .param("c", caseId).param("m", milestone.name()).update() > 0;
  }

  /**
   * Recomputes the denormalised next-deadline and overdue columns that the caseload sorts and filters on; false when
   * there is no such case.
   */
  public boolean refreshNextDeadline(UUID caseId, OffsetDateTime now) {
    return refreshNextDeadline(caseId, deadlines(caseId), now);
  }

  /** The same from the case's deadlines as the caller has them in this transaction (read and changed by it). */
  public boolean refreshNextDeadline(UUID caseId, List<CaseDeadline> deadlines, OffsetDateTime now) {
    List<CaseDeadline> open = deadlines.stream().filter(CaseDeadline::isOpen)
        .sorted((a, b) -> a.dueOn().compareTo(b.dueOn())).toList();
    boolean overdue = open.stream().anyMatch(CaseDeadline::overdue);
    return jdbc.sql("""
            update reintegration_case set next_deadline_milestone = :m, next_deadline_on = :d, overdue = :o,
                   updated_at = :now where id = :c""")
        .param("m", open.isEmpty() ? null : open.get(0).milestone().name())
        .param("d", open.isEmpty() ? null : open.get(0).dueOn())
        .param("o", overdue).param("now", now).param("c", caseId)
        .update() > 0;
  }

  /**
   * Changes phase (and status with it); the engine calls this, so no version check. Closing stamps closed_at, from
   * which the re-integration file's retention counts.
   */
  public void updatePhase(UUID caseId, Phase phase, CaseStatus status, OffsetDateTime now) {
    jdbc.sql("""
            update reintegration_case set phase = :p, status = :s, version = version + 1, updated_at = :now,
                   closed_at = case when :closed then coalesce(closed_at, :now) else null end
             where id = :c""")
        .param("p", phase.name()).param("s", status.name()).param("now", now)
        .param("closed", status == CaseStatus.CLOSED).param("c", caseId).update();
  }

  public void insertWorkCapacity(UUID caseId, int pct, LocalDate from, String recordedBy, OffsetDateTime now) {
    jdbc.sql("""
            insert into work_capacity (id, case_id, pct, from_date, recorded_by, recorded_at)
            values (:id, :c, :pct, :from, :by, :now)""")
        .param("id", UUID.randomUUID()).param("c", caseId).param("pct", pct).param("from", from)
        .param("by", recordedBy).param("now", now).update();
  }

  public List<WorkCapacityRecord> workCapacityHistory(UUID caseId) {
    return jdbc.sql("select * from work_capacity where case_id = :c order by from_date, recorded_at")
        .param("c", caseId)
        .query((rs, n) -> new WorkCapacityRecord(rs.getInt("pct"), rs.getObject("from_date", LocalDate.class),
            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * The cases this user is a party to (employee, line manager, counsellor, company doctor, buddy), with the
   * employee's login for the access policy. The policy grants by relation only, so no other case can be visible;
   * the policy still decides for each of these.
   */
  public List<CaseRow> caseRows(String userId) {
    // A branch per way a person is tied to a case, each on indexes of its own. A single OR over them made PostgreSQL
    // scan every case and employee: 50-60 ms for a counsellor at the benchmark's national scale, against 13 ms.
    return jdbc.sql(ROW_SELECT + """
         where c.id in (
               select x.id from reintegration_case x where x.counsellor_user_id = :u
               union select x.id from reintegration_case x where x.company_doctor_user_id = :u
               union select x.id from reintegration_case x join employee y on y.id = x.employee_id
                      where y.user_id = :u or y.line_manager_user_id = :u
               union select s.case_id from support_contact s where s.buddy_user_id = :u)
         order by c.next_deadline_on, c.case_number""")
        .param("u", userId).query(CaseRepository::row).list();
  }

  public Optional<CaseRow> caseRow(UUID caseId) {
    return jdbc.sql(ROW_SELECT + " where c.id = :c").param("c", caseId).query(CaseRepository::row).optional();
  }

  /** Consenting buddies of the listed cases, for the access policy over a list. */
  public Map<UUID, Set<String>> consentingBuddies(Collection<UUID> caseIds) {
    Map<UUID, Set<String>> buddies = new HashMap<>();
    if (caseIds.isEmpty()) {
      return buddies;
    }
    jdbc.sql("""
            select case_id, buddy_user_id from support_contact
             where kind = 'BUDDY' and buddy_user_id is not null and consent_revoked_at is null
               and case_id in (:cases)""")
        .param("cases", caseIds)
        .query(rs -> {
          buddies.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2));
        });
    return buddies;
  }

  /** A case with the employee's login, as the caseload and the access policy need it. */
  public record CaseRow(CaseSummary summary, String employeeUserId) {
  }

  private static CaseRow row(ResultSet rs, int n) throws SQLException {
    return new CaseRow(summary(rs, n), rs.getString("employee_user_id"));
  }

  public boolean updateWorkCapacity(UUID caseId, int pct, int expectedVersion, OffsetDateTime now) {
    return jdbc.sql("""
            update reintegration_case set work_capacity_pct = :pct, version = version + 1, updated_at = :now
             where id = :c and version = :v""")
        .param("pct", pct).param("now", now).param("c", caseId).param("v", expectedVersion)
        .update() == 1;
  }

  public boolean updateExtensions(UUID caseId, int voluntaryWeeks, int sanctionWeeks, int expectedVersion,
      OffsetDateTime now) {
    return jdbc.sql("""
            update reintegration_case set voluntary_extension_weeks = :vol, wage_sanction_weeks = :san,
                   version = version + 1, updated_at = :now
             where id = :c and version = :v""")
        .param("vol", voluntaryWeeks).param("san", sanctionWeeks).param("now", now).param("c", caseId)
        .param("v", expectedVersion)
        .update() == 1;
  }

  public boolean updateServiceRelated(UUID caseId, ServiceRelated serviceRelated, int expectedVersion,
      OffsetDateTime now) {
    return jdbc.sql("""
            update reintegration_case set service_related = :s, version = version + 1, updated_at = :now
             where id = :c and version = :v""")
        .param("s", serviceRelated.name()).param("now", now).param("c", caseId).param("v", expectedVersion)
        .update() == 1;
  }

  public boolean exists(UUID caseId) {
    return jdbc.sql("select count(*) from reintegration_case where id = :c").param("c", caseId)
        .query(Integer.class).single() > 0;
  }

  public Optional<CasePeople> people(UUID caseId) {
    return jdbc.sql("""
            select e.user_id, e.line_manager_user_id, c.counsellor_user_id, c.company_doctor_user_id
              from reintegration_case c join employee e on e.id = c.employee_id
             where c.id = :c""")
        .param("c", caseId)
        .query((rs, n) -> new CasePeople(caseId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  public Optional<CaseSummary> findSummary(UUID caseId) {
    return jdbc.sql(SUMMARY_SELECT + " where c.id = :c").param("c", caseId)
        .query(CaseRepository::summary).optional();
  }

  public List<CaseSummary> summariesWithStatus(CaseStatus status) {
    return jdbc.sql(SUMMARY_SELECT + " where c.status = :s order by c.next_deadline_on, c.case_number")
        .param("s", status.name())
        .query(CaseRepository::summary).list();
  }

  public List<CaseSummary> summariesOfEmployee(UUID employeeId) {
    return jdbc.sql(SUMMARY_SELECT + " where c.employee_id = :e order by c.opened_at desc")
        .param("e", employeeId)
        .query(CaseRepository::summary).list();
  }

  private static Employee employee(ResultSet rs, int n) throws SQLException {
    return new Employee(rs.getObject("id", UUID.class), rs.getString("personnel_number"),
        rs.getString("display_name"), rs.getString("user_id"), rs.getString("unit"), rs.getString("team"),
        rs.getString("line_manager_user_id"));
  }

  private static CaseDeadline deadline(ResultSet rs, int n) throws SQLException {
    return new CaseDeadline(Milestone.valueOf(rs.getString("milestone")), rs.getObject("due_on", LocalDate.class),
        rs.getObject("met_on", LocalDate.class), rs.getBoolean("overdue"), rs.getInt("days_late"));
  }

  private static CaseSummary summary(ResultSet rs, int n) throws SQLException {
    String next = rs.getString("next_deadline_milestone");
    return new CaseSummary(rs.getObject("id", UUID.class), rs.getString("case_number"),
        rs.getObject("employee_id", UUID.class), rs.getString("display_name"), rs.getString("team"),
        rs.getString("line_manager_user_id"), CaseStatus.valueOf(rs.getString("status")),
        Phase.valueOf(rs.getString("phase")), rs.getString("counsellor_user_id"),
        rs.getString("company_doctor_user_id"), rs.getInt("work_capacity_pct"),
        rs.getObject("first_sick_day", LocalDate.class), next == null ? null : Milestone.valueOf(next),
        rs.getObject("next_deadline_on", LocalDate.class), rs.getBoolean("overdue"),
        ServiceRelated.valueOf(rs.getString("service_related")), rs.getInt("version"));
  }
}
