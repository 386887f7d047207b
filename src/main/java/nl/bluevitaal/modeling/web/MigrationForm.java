package nl.bluevitaal.modeling.web;

import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;

/**
 * The migration page's form: the process, the source and target versions, and the process owner's own mappings,
 * each {@code source>target} (a select per unmapped activity; {@code source>} leaves it unmapped).
 */
record MigrationForm(String proces,
    @Pattern(regexp = VERSION, message = "modeling.migration.error.version") String van,
    @Pattern(regexp = VERSION, message = "modeling.migration.error.version") String naar, List<String> koppeling) {

  /** A version number; text, because a record that cannot be made from what was typed cannot show it again. */
  static final String VERSION = "[1-9][0-9]{0,5}";

  static final String[] FIELDS = {"proces", "van", "naar"};

  MigrationForm {
    koppeling = koppeling == null ? List.of() : List.copyOf(koppeling);
  }

  /** Both versions chosen: a plan can be shown. */
  boolean complete() {
    return proces != null && van != null && naar != null && !van.isBlank() && !naar.isBlank();
  }

  int source() {
    return Integer.parseInt(van);
  }

  int target() {
    return Integer.parseInt(naar);
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
    return new MigrationRequest(proces, source(), target(), mappings());
  }

  /** The form of a request: with {@code request.reversed()} the way back (target to source, mappings reversed). */
  static MigrationForm of(MigrationRequest request) {
    return new MigrationForm(request.processKey(), String.valueOf(request.sourceVersion()),
        String.valueOf(request.targetVersion()),
        request.mappings().entrySet().stream().map(e -> e.getKey() + ">" + e.getValue()).toList());
  }
}
