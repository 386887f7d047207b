package nl.bluevitaal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the production profile against a real (embedded) PostgreSQL server. Every test class
 * with exactly this annotation shares one cached application context and database, so keep test data unique per
 * test (fresh employees and users) rather than cleaning up. The job executor is off: tests run jobs themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    // Tests read a figure right after changing its rows: no kept figure while the new one is computed (ReadModelCache).
    "bluevitaal.insight.cache-serve-while-computing=false",
    // Tests that make a caseload live cases on a moving engine clock; production never has the time machine.
    "bluevitaal.journey.time-travel=true",
    "bluevitaal.identity.initial-admin.user-id=beheer",
    "bluevitaal.identity.initial-admin.password=s3cret-start"})
@ActiveProfiles("postgres")
@Import({EmbeddedPostgresConfiguration.class, CaseFixtures.class})
public @interface PostgresIntegrationTest {
}
