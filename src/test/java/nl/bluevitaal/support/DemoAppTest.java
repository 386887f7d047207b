package nl.bluevitaal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application as `mvn spring-boot:run` starts it — embedded default, demo users and the demo caseload —
 * on an in-memory database. Every test class with exactly this annotation shares one cached context, so the demo
 * caseload is lived through once per test run. The job executor is off: tests see the data as generated.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("demo-app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-app;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    // Tests read a figure right after changing its rows: no kept figure while the new one is computed (ReadModelCache).
    "bluevitaal.insight.cache-serve-while-computing=false"})
@Import(CaseFixtures.class)
public @interface DemoAppTest {
}
