package nl.bluevitaal.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.privacy.Actor;
import org.springframework.boot.test.context.TestComponent;

/**
 * The one set of people and cases the tests make: accounts with unique ids (every test class shares its application's
 * database, so nothing is reused between tests) and sick cases through the real registry. Imported by every
 * application-test annotation; tests ask for it with {@code @Autowired}.
 */
@TestComponent
public class CaseFixtures {

  /** The password of every account made here. */
  public static final String PASSWORD = "geheim-123";
  private static final AtomicInteger RUN = new AtomicInteger();

  private final Accounts accounts;
  private final CaseRegistry registry;
  private final JourneyTasks tasks;

  CaseFixtures(Accounts accounts, CaseRegistry registry, JourneyTasks tasks) {
    this.accounts = accounts;
    this.registry = registry;
    this.tasks = tasks;
  }

  /** A short unique tag for names and numbers of one test's world. */
  public static String tag(String prefix) {
    return prefix + RUN.incrementAndGet() + UUID.randomUUID().toString().substring(0, 4);
  }

  /** An account in these groups, with a unique id starting with {@code prefix}; its name is its id. */
  public String user(String prefix, String... groups) {
    String id = tag(prefix);
    return account(id, id, groups);
  }

  /** An account with this id and display name (first name; "Test" as last name), in these groups. */
  public String account(String id, String firstName, String... groups) {
    accounts.ensureUser(id, firstName, "Test", null, PASSWORD, List.of(groups));
    return id;
  }

  /** Who is asking, as the pages and the API make it from a login: a care professional is a counsellor with it. */
  public static Actor actor(String userId, String... groups) {
    Set<String> set = Set.of(groups);
    return new Actor(userId, set, set.contains(Groups.CARE_PROFESSIONAL) && set.contains(Groups.COUNSELLOR));
  }

  /**
   * A new sick case of a new employee, which the counsellor has passed on to the company doctor (the week-1 step), so
   * the intake is its one open step. {@code employeeUserId} may be null (an employee without a login).
   */
  public UUID sickCase(SickCase spec) {
    Employee person = employee(spec);
    UUID caseId = registry.reportSick(new SickReport(person.id(), spec.firstSickDay(), spec.counsellor(),
        spec.doctor()));
    tasks.openSteps(caseId).stream()
        .filter(step -> step.stepKey().equals(ReintegrationJourneyProcess.Element.TASK_REPORT_TO_COMPANY_DOCTOR))
        .forEach(step -> tasks.complete(caseId, step.taskId(), java.util.Map.of()));
    return caseId;
  }

  /** The employee of a case spec, registered. */
  public Employee employee(SickCase spec) {
    return registry.registerEmployee(new NewEmployee(tag("P").toUpperCase(), spec.name(), spec.employee(),
        "Eenheid Test", spec.team(), spec.lineManager()));
  }

  /** What a new sick case is: who, in which team under whom, counselled by whom, sick since when. */
  public record SickCase(String employee, String name, String team, String lineManager, String counsellor,
      String doctor, LocalDate firstSickDay) {

    public static SickCase of(String employee, String name) {
      return new SickCase(employee, name, "Team Test", null, null, null, LocalDate.now().minusDays(20));
    }

    public SickCase team(String team, String lineManager) {
      return new SickCase(employee, name, team, lineManager, counsellor, doctor, firstSickDay);
    }

    public SickCase counselledBy(String counsellor, String doctor) {
      return new SickCase(employee, name, team, lineManager, counsellor, doctor, firstSickDay);
    }

    public SickCase since(LocalDate firstSickDay) {
      return new SickCase(employee, name, team, lineManager, counsellor, doctor, firstSickDay);
    }
  }

  /**
   * A case with everyone around it, and people in the same groups who are not: the employee, their line manager,
   * the case's counsellor and company doctor, a care professional (a counsellor with the care flag) with a case of
   * their own in the same team, another employee of another team with the same counsellor, outsiders, management,
   * the administrator, a process owner and a buddy.
   */
  public People people(String prefix) {
    String tag = tag(prefix);
    People p = new People(tag,
        account("emp-" + tag, "emp-" + tag, Groups.EMPLOYEE), "Medewerker " + tag,
        account("lm-" + tag, "lm-" + tag, Groups.LINE_MANAGER),
        account("couns-" + tag, "couns-" + tag, Groups.COUNSELLOR),
        account("doc-" + tag, "doc-" + tag, Groups.COMPANY_DOCTOR),
        account("care-" + tag, "care-" + tag, Groups.COUNSELLOR, Groups.CARE_PROFESSIONAL),
        account("emp2-" + tag, "emp2-" + tag, Groups.EMPLOYEE), "Collega " + tag,
        account("lm2-" + tag, "lm2-" + tag, Groups.LINE_MANAGER),
        account("oc-" + tag, "oc-" + tag, Groups.COUNSELLOR),
        account("od-" + tag, "od-" + tag, Groups.COMPANY_DOCTOR),
        account("mgmt-" + tag, "mgmt-" + tag, Groups.MANAGEMENT),
        account("admin-" + tag, "admin-" + tag, Groups.ADMINISTRATOR),
        account("po-" + tag, "po-" + tag, Groups.PROCESS_OWNER),
        account("buddy-" + tag, "buddy-" + tag, Groups.BUDDY),
        null, null, null);
    UUID caseId = sickCase(SickCase.of(p.employee(), p.employeeName()).team("Team " + tag, p.lineManager())
        .counselledBy(p.counsellor(), p.doctor()));
    UUID otherCaseId = sickCase(SickCase.of(p.otherEmployee(), p.otherEmployeeName())
        .team("Team B " + tag, p.otherLineManager()).counselledBy(p.counsellor(), p.doctor()));
    String careEmployee = account("emp3-" + tag, "emp3-" + tag, Groups.EMPLOYEE);
    UUID careCaseId = sickCase(SickCase.of(careEmployee, "Derde " + tag).team("Team " + tag, p.lineManager())
        .counselledBy(p.careProfessional(), p.doctor()));
    return p.withCases(caseId, otherCaseId, careCaseId);
  }

  /**
   * Everyone around {@code caseId}, and those who are not (see {@link #people}). {@code otherCaseId}: the other
   * employee's, same counsellor, another team; {@code careCaseId}: counselled by the care professional.
   */
  public record People(String tag, String employee, String employeeName, String lineManager, String counsellor,
      String doctor, String careProfessional, String otherEmployee, String otherEmployeeName,
      String otherLineManager, String otherCounsellor, String otherDoctor, String management, String administrator,
      String processOwner, String buddy, UUID caseId, UUID otherCaseId, UUID careCaseId) {

    People withCases(UUID caseId, UUID otherCaseId, UUID careCaseId) {
      return new People(tag, employee, employeeName, lineManager, counsellor, doctor, careProfessional,
          otherEmployee, otherEmployeeName, otherLineManager, otherCounsellor, otherDoctor, management,
          administrator, processOwner, buddy, caseId, otherCaseId, careCaseId);
    }

    /** Every account of this world, for "who may see it" sweeps. */
    public List<String> everyone() {
      return List.of(employee, otherEmployee, lineManager, otherLineManager, counsellor, otherCounsellor, doctor,
          otherDoctor, careProfessional, management, administrator, processOwner, buddy);
    }

    public Actor asEmployee() {
      return actor(employee, Groups.EMPLOYEE);
    }

    public Actor asCounsellor() {
      return actor(counsellor, Groups.COUNSELLOR);
    }

    public Actor asDoctor() {
      return actor(doctor, Groups.COMPANY_DOCTOR);
    }

    public Actor asLineManager() {
      return actor(lineManager, Groups.LINE_MANAGER);
    }
  }
}
