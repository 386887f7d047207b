package nl.bluevitaal.modeling.web;

import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;

/**
 * The migration page's form: the process, the source and target versions, and the process owner's own mappings,
 * each {@code source>target} (a select per unmapped activity; {@code source>} leaves it unmapped).
 */
record MigrationForm(String proces, @Min(value = 1, message = "modeling.migration.error.version") Integer van,
    @Min(value = 1, message = "modeling.migration.error.version") Integer naar, List<String> koppeling) {

  static final String[] FIELDS = {"proces", "van", "naar"};

  MigrationForm {
    koppeling = koppeling == null ? List.of() : List.copyOf(koppeling);
  }

  /** Both versions chosen: a plan can be shown. */
  boolean complete() {
    return proces != null && van != null && naar != null;
  }

  Map<String, String> mappings() {
    Map<String, String> mappings = new LinkedHashMap<>();
    for (String pair : koppeling) {
      String[] parts = pair.split(">", 2);
      if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
        mappings.put(parts[0].strip(), parts[1].strip());
      }
    }
    return mappings;
  }

  MigrationRequest request() {
    return new MigrationRequest(proces, van, naar, mappings());
  }

  /** The form of the way back: target to source, own mappings reversed. */
  static MigrationForm of(MigrationRequest request) {
    return new MigrationForm(request.processKey(), request.sourceVersion(), request.targetVersion(),
        request.mappings().entrySet().stream().map(e -> e.getKey() + ">" + e.getValue()).toList());
  }
}
