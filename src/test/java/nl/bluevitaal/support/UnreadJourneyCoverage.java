package nl.bluevitaal.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.util.PatternMatchUtils;

/**
 * Process coverage for the classes of {@link ApplicationTest} that are not the journey's scenarios (the page tests).
 * The coverage library's own listener serves the scenario classes only ({@link ApplicationTestConfiguration} names
 * them), and holds each of those to 90 % of the journey. The engine records every element a journey passes, also in a
 * page test, and refuses to run without somewhere to record it: this gives it a collector for the class that nobody
 * reads. A scenario class that runs next installs its own.
 */
public class UnreadJourneyCoverage implements TestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    String name = testContext.getTestClass().getName();
    if (PatternMatchUtils.simpleMatch(ApplicationTestConfiguration.SCENARIO_CLASSES, name)) {
      return;
    }
    DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());
    collector.createSuite(new Suite(name, name));
    collector.activateSuite(name);
    collector.createRun(new Run(name, name), name);
    collector.activateRun(name);
    new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), collector)
        .initializeListeners();
  }
}
