package nl.bluevitaal.journey;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * For a class on {@code @ApplicationTest} that passes through the journey without being one of its scenario classes
 * (the page tests). The coverage listener comes with the library for every Spring test, and the application test's
 * gate holds each class it covers to 90 % of the journey, so such a class is {@code @ExcludeFromProcessCoverage}. The
 * engine still records every element the journey passes and refuses to run without somewhere to record it: this
 * gives it a collector for the class that nobody reads. A scenario class that runs next installs its own.
 *
 * <p>Use together, on the class: {@code @ExcludeFromProcessCoverage} (the library looks for it on the class itself)
 * and {@code @TestExecutionListeners(listeners = JourneyCoverageLeftUnread.class, mergeMode = MERGE_WITH_DEFAULTS)}.
 */
public class JourneyCoverageLeftUnread implements TestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    String name = testContext.getTestClass().getName();
    DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());
    collector.createSuite(new Suite(name, name));
    collector.activateSuite(name);
    collector.createRun(new Run(name, name), name);
    collector.activateRun(name);
    new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), collector)
        .initializeListeners();
  }
}
