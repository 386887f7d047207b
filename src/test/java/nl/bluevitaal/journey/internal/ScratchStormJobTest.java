package nl.bluevitaal.journey.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import nl.bluevitaal.casefile.CaseRegistry;
import nl.bluevitaal.casefile.Employee;
import nl.bluevitaal.casefile.NewEmployee;
import nl.bluevitaal.casefile.SickReport;
import nl.bluevitaal.journey.JourneyTasks;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.journey.ReintegrationJourneyProcess.Var;
import nl.bluevitaal.poortwachter.Milestone;
import nl.bluevitaal.support.ApplicationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ApplicationTest
class ScratchStormJobTest {
  @Autowired CaseRegistry registry;
  @Autowired JourneyTasks tasks;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void oneEscalationJob() {
    LocalDate first = LocalDate.of(2026, 1, 5);
    at(first);
    Employee employee = registry.registerEmployee(new NewEmployee("JX1", "Werknemer X", "SX-1",
        "Eenheid Noord", "Team X", "lm-x1"));
    UUID caseId = registry.reportSick(new SickReport(employee.id(), first, "couns-1", "doc-1"));
    tasks.catchUp(caseId);
    LocalDate due = registry.dueDate(caseId, Milestone.PROBLEM_ANALYSIS).orElseThrow();
    at(due.minusDays(1));
    tasks.catchUp(caseId);
    at(due.plusDays(1));
    ProcessInstance watch = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ReintegrationJourneyProcess.WATCH_PROCESS_KEY)
        .processInstanceBusinessKey(caseId.toString()).variableValueEquals(Var.MILESTONE, "PROBLEM_ANALYSIS")
        .singleResult();
    Job job = managementService.createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
    System.out.println("=====STORMJOB-START " + job.getDuedate());
    jdbc.execute("SET TRACE_LEVEL_SYSTEM_OUT 3");
    managementService.executeJob(job.getId());
    jdbc.execute("SET TRACE_LEVEL_SYSTEM_OUT 0");
    System.out.println("=====STORMJOB-END");
  }

  @Test
  void oneCompletion() {
    LocalDate first = LocalDate.of(2026, 1, 5);
    at(first);
    Employee employee = registry.registerEmployee(new NewEmployee("JX2", "Werknemer Y", "SX-2",
        "Eenheid Noord", "Team X", "lm-x1"));
    UUID caseId = registry.reportSick(new SickReport(employee.id(), first, "couns-1", "doc-1"));
    tasks.catchUp(caseId);
    var step = tasks.openSteps(caseId).get(0);
    System.out.println("=====STORMJOB-START " + step.stepKey());
    jdbc.execute("SET TRACE_LEVEL_SYSTEM_OUT 3");
    tasks.complete(caseId, step.taskId(), java.util.Map.of());
    jdbc.execute("SET TRACE_LEVEL_SYSTEM_OUT 0");
    System.out.println("=====STORMJOB-END");
  }

  private void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant()));
  }
}
