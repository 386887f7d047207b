package nl.bluevitaal.privacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.bluevitaal.privacy.internal.AuditRecorder;
import nl.bluevitaal.privacy.internal.AuditWriter;
import org.junit.jupiter.api.Test;

/**
 * The application has no way to change or remove audit events: no such SQL anywhere, no such method, and nobody
 * outside privacy reaches its writer.
 */
class AuditHasNoChangePathTest {

  private static final Pattern CHANGE = Pattern.compile(
      "(?is)(update\\s+audit_event|delete\\s+from\\s+audit_event|truncate\\s+(table\\s+)?audit_event)");

  @Test
  void noSourceFileUpdatesOrDeletesAuditEvents() throws IOException {
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      offenders = files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
          .filter(f -> !f.getFileName().toString().startsWith("V11__audit_append_only"))
          .filter(f -> CHANGE.matcher(read(f)).find()).toList();
    }

    assertThat(offenders).isEmpty();
  }

  @Test
  void theAuditTrailServiceOnlyReads() {
    // Readers only, each named here: a new public method must be looked at before this list grows.
    assertThat(Arrays.stream(AuditTrail.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers())).map(java.lang.reflect.Method::getName))
        .containsExactlyInAnyOrder("forCase", "othersOfCase", "countBy", "latestKindsBy");
    assertThat(Arrays.stream(AuditTrail.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers())))
        .allSatisfy(m -> assertThat(m.getReturnType()).isNotEqualTo(void.class));
  }

  @Test
  void onlyThePrivacyModuleWritesTheAuditTrail() {
    noClasses().that().resideOutsideOfPackage("nl.bluevitaal.privacy..")
        .should().dependOnClassesThat().belongToAnyOf(AuditWriter.class, AuditRecorder.class)
        .because("every audit event is written by the access policy and the privacy services, never by a caller")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.bluevitaal"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
