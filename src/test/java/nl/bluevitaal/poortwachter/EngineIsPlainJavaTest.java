package nl.bluevitaal.poortwachter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The deadline arithmetic must survive a move off Spring or Camunda 7 unchanged. */
class EngineIsPlainJavaTest {

  private final JavaClasses poortwachter = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("nl.bluevitaal.poortwachter");

  @Test
  void engineKnowsNoFrameworks() {
    noClasses()
        .that().belongToAnyOf(DeadlineEngine.class, DeadlineWeeks.class, Timeline.class, SickPeriod.class,
            Milestone.class, InvalidTimelineException.class, SickPay.class, SickPayRules.class, PayPeriod.class)
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..",
            "com.fasterxml..", "nl.bluevitaal.web..")
        .check(poortwachter);
  }
}
