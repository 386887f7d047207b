package nl.bluevitaal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The architecture as a test: modules by capability with no cycles and no reaching into another module's
 * internals (Spring Modulith), and the engine kept at the edge (ArchUnit).
 */
class ModularityTests {

  static final ApplicationModules modules = ApplicationModules.of(BlueVitaalApplication.class);
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("nl.bluevitaal");
  }

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void onlyTheJourneyAndIdentityAdaptersTalkToTheEngine() {
    noClasses().that().resideOutsideOfPackages("nl.bluevitaal.journey..", "nl.bluevitaal.identity.internal..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("the engine sits at the edge, so a move to a Camunda 7 fork stays mechanical")
        .check(classes);
  }

  @Test
  void theDeadlineEngineIsPlainJava() {
    noClasses().that().resideInAPackage("nl.bluevitaal.poortwachter")
        .and().haveSimpleNameNotEndingWith("Controller")
        .and().haveSimpleNameNotEndingWith("Configuration")
        .and().haveSimpleNameNotEndingWith("Properties")
        .and().haveSimpleNameNotContaining("Request")
        .and().haveSimpleNameNotContaining("Response")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..")
        .because("legal deadline arithmetic must be testable and portable without any framework")
        .check(classes);
  }

  @Test
  void domainCodeDoesNotUseTheWebLayer() {
    noClasses().that().resideInAnyPackage("nl.bluevitaal.casefile..", "nl.bluevitaal.poortwachter..")
        .and().haveSimpleNameNotEndingWith("Controller")
        .and().haveSimpleNameNotContaining("Request")
        .and().haveSimpleNameNotContaining("Response")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
