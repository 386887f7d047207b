package nl.bluevitaal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application without demo data on an in-memory database, with MockMvc for its pages: the one context of
 * the page tests and the journey's scenario tests (every class with exactly this annotation shares it). The job
 * executor is off: a test runs the jobs it needs. The engine records process coverage, which the journey's
 * scenario classes assert ({@link ApplicationTestConfiguration}); other classes leave it unread
 * ({@link UnreadJourneyCoverage}). Tests share the database, so each makes its own people and cases
 * ({@link CaseFixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:application-test;DB_CLOSE_DELAY=-1",
    "bluevitaal.demo.enabled=false",
    "camunda.bpm.job-execution.enabled=false",
    // Tests read a figure right after changing its rows: no kept figure while the new one is computed (ReadModelCache).
    "bluevitaal.insight.cache-serve-while-computing=false"})
@AutoConfigureMockMvc
@Import({ProcessEngineCoverageConfiguration.class, ApplicationTestConfiguration.class, CaseFixtures.class})
@TestExecutionListeners(listeners = UnreadJourneyCoverage.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ApplicationTest {
}
