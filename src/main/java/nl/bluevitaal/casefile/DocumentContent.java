package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The content format of the documents: the questions of each document type and how their answers are stored. The
 * case file stores a document's content as text, so the answers become labelled sections that stay readable without
 * this code:
 *
 * <pre>
 * ## doel
 * Terug in de eigen functie, 24 uur per week.
 *
 * ## afspraken
 * ...
 * </pre>
 *
 * The functional fields of the problem analysis (domain B) are not in the text: they go into the case file's
 * {@link FunctionalAdvice}, so the line manager can be given them without the rest.
 */
public final class DocumentContent {

  public static final String TITLE = "titel";
  /** The longest title of a document (the column holds it). */
  public static final int MAX_TITLE = 200;
  /** The longest answer to one question. */
  public static final int MAX_ANSWER = 10_000;
  /** The longest content of a version: every answer of a form, or a text the employee corrected. */
  public static final int MAX_CONTENT = 100_000;
  /** The form names of the functional advice (domain B), one per field of {@link FunctionalAdvice}, in its order. */
  public static final List<String> ADVICE_FIELDS =
      List.of("beperkingen", "mogelijkheden", "advies", "aanpassingen", "verwachteDuur");
  private static final String HEADER = "## ";
  /** The one section of a text not written by these forms ({@link #parse}). */
  private static final String UNTITLED = "tekst";

  public enum Kind { TEXT, TEXTAREA, DATE }

  /** One question of a form. {@code advice}: stored in the functional advice (domain B), not in the text. */
  public record Field(String name, Kind kind, boolean required, boolean advice) {

    public String id() {
      return "veld-" + name;
    }

    public int maxLength() {
      if (advice) {
        return "verwachteDuur".equals(name) ? FunctionalAdvice.MAX_DURATION : FunctionalAdvice.MAX_TEXT;
      }
      return kind == Kind.TEXTAREA ? MAX_ANSWER : MAX_TITLE;
    }
  }

  private DocumentContent() {
  }

  public static List<Field> fields(DocumentType type) {
    return switch (type) {
      case PROBLEM_ANALYSIS, PROBLEM_ANALYSIS_UPDATE -> List.of(
          advice("beperkingen", Kind.TEXTAREA, true), advice("mogelijkheden", Kind.TEXTAREA, true),
          advice("advies", Kind.TEXTAREA, true), advice("aanpassingen", Kind.TEXTAREA, false),
          advice("verwachteDuur", Kind.TEXT, true), text("prognose", true));
      case PLAN_OF_ACTION, PLAN_OF_ACTION_UPDATE -> List.of(
          text("doel", true), text("activiteiten", true), text("arbeidsinhoud", false),
          text("arbeidsverhoudingen", false), text("arbeidsomstandigheden", false),
          text("arbeidsvoorwaarden", false), text("afspraken", true), text("evaluatiemomenten", true));
      case EVALUATION -> List.of(
          text("arbeidsinhoud", false), text("arbeidsverhoudingen", false), text("arbeidsomstandigheden", false),
          text("arbeidsvoorwaarden", false), text("energiegevers", false), text("energievreters", false),
          text("doelen", false), text("afspraken", true),
          new Field("volgendeEvaluatie", Kind.DATE, true, false));
      case FIRST_YEAR_EVALUATION -> List.of(
          text("terugblik", true), text("doelJaar2", true), text("spoor2", true), text("afspraken", false));
      case SPOOR2_PLAN -> List.of(
          text("doel", true), text("activiteiten", true), text("afspraken", true), text("evaluatiemomenten", false));
      case CURRENT_OPINION -> List.of(
          text("mogelijkheden", true), text("beperkingen", true), text("prognose", true), text("advies", false));
      case FINAL_EVALUATION -> List.of(
          text("terugblik", true), text("resultaat", true), text("afspraken", false));
      case UWV_NOTIFICATION -> List.of(
          new Field("verzonden", Kind.DATE, true, false), text("kenmerk", true), text("toelichting", false));
      case EMPLOYEE_VIEW -> List.of(text("visie", true));
      case REINTEGRATION_REPORT -> List.of(text("toelichting", true));
    };
  }

  private static Field text(String name, boolean required) {
    return new Field(name, Kind.TEXTAREA, required, false);
  }

  private static Field advice(String name, Kind kind, boolean required) {
    return new Field(name, kind, required, true);
  }

  /**
   * Per field what is wrong ({@code required}, {@code too-long}, {@code date}, {@code date-range}), in form order;
   * empty when the answers may be saved. Which dates are plausible is the caller's rule (the web kit's, shared by the
   * pages and the API).
   */
  public static Map<String, String> validate(DocumentType type, Map<String, String> values, boolean withTitle,
      Predicate<LocalDate> plausible) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (withTitle) {
      String title = values.getOrDefault(TITLE, "").strip();
      if (title.isEmpty()) {
        errors.put(TITLE, "required");
      } else if (title.length() > MAX_TITLE) {
        errors.put(TITLE, "too-long");
      }
    }
    for (Field field : fields(type)) {
      String value = values.getOrDefault(field.name(), "").strip();
      if (value.isEmpty()) {
        if (field.required()) {
          errors.put(field.name(), "required");
        }
      } else if (value.length() > field.maxLength()) {
        errors.put(field.name(), "too-long");
      } else if (field.kind() == Kind.DATE) {
        try {
          LocalDate date = LocalDate.parse(value);
          if (!plausible.test(date)) {
            errors.put(field.name(), "date-range");
          }
        } catch (DateTimeParseException e) {
          errors.put(field.name(), "date");
        }
      }
    }
    return errors;
  }

  /** The text the case file stores: the answers that are not functional advice, as labelled sections. */
  public static String content(DocumentType type, Map<String, String> values) {
    Map<String, String> sections = new LinkedHashMap<>();
    for (Field field : fields(type)) {
      if (!field.advice()) {
        sections.put(field.name(), values.getOrDefault(field.name(), ""));
      }
    }
    return content(sections);
  }

  /**
   * The text the case file stores for these sections, in their order; an empty one is left out. A section named
   * {@code tekst} (a text not written by the forms, see {@link #parse}) is written first and without a header, as it
   * was read, so a text corrected as it reads is stored as it was.
   */
  public static String content(Map<String, String> sections) {
    StringBuilder text = new StringBuilder();
    String untitled = sections.get(UNTITLED) == null ? "" : sections.get(UNTITLED).strip();
    if (!untitled.isEmpty()) {
      appendEscaped(text, untitled);
    }
    for (Map.Entry<String, String> section : sections.entrySet()) {
      String value = section.getValue() == null ? "" : section.getValue().strip();
      if (UNTITLED.equals(section.getKey()) || value.isEmpty()) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(HEADER).append(section.getKey()).append('\n');
      appendEscaped(text, value);
    }
    return text.toString();
  }

  /** A line of the answer that looks like a header is escaped, so it never splits the section. */
  private static void appendEscaped(StringBuilder text, String value) {
    for (String line : value.replace("\r\n", "\n").split("\n", -1)) {
      text.append(line.startsWith(HEADER) || line.startsWith("\\" + HEADER) ? "\\" + line : line).append('\n');
    }
    text.setLength(text.length() - 1);
  }

  public static FunctionalAdvice advice(DocumentType type, Map<String, String> values) {
    if (!type.carriesFunctionalAdvice()) {
      return null;
    }
    return new FunctionalAdvice(blankToNull(values.get("beperkingen")), blankToNull(values.get("mogelijkheden")),
        blankToNull(values.get("advies")), blankToNull(values.get("aanpassingen")),
        blankToNull(values.get("verwachteDuur")));
  }

  /** The sections of a stored text; a text not written by these forms is one section named {@code tekst}. */
  public static Map<String, String> parse(String content) {
    Map<String, String> sections = new LinkedHashMap<>();
    if (content == null || content.isBlank()) {
      return sections;
    }
    String current = null;
    StringBuilder value = new StringBuilder();
    for (String line : content.split("\n", -1)) {
      if (line.startsWith(HEADER)) {
        if (current != null) {
          sections.put(current, value.toString().strip());
        }
        current = line.substring(HEADER.length()).strip();
        value.setLength(0);
        continue;
      }
      if (current == null) {
        current = UNTITLED;
      }
      value.append(line.startsWith("\\" + HEADER) || line.startsWith("\\\\" + HEADER) ? line.substring(1) : line)
          .append('\n');
    }
    if (current != null) {
      sections.put(current, value.toString().strip());
    }
    return sections;
  }

  /** The answers of a version, as the form shows them (functional advice included when the reader has it). */
  public static Map<String, String> values(DocumentVersion version) {
    Map<String, String> values = new LinkedHashMap<>();
    if (version == null) {
      return values;
    }
    values.putAll(parse(version.content()));
    FunctionalAdvice advice = version.functionalAdvice();
    if (advice != null) {
      putIfPresent(values, "beperkingen", advice.limitations());
      putIfPresent(values, "mogelijkheden", advice.remainingAbilities());
      putIfPresent(values, "advies", advice.advice());
      putIfPresent(values, "aanpassingen", advice.adjustments());
      putIfPresent(values, "verwachteDuur", advice.expectedDuration());
    }
    return values;
  }

  /** What a reader sees of a version: per field with an answer, its name and text, in form order. */
  public static List<Map.Entry<String, String>> sections(CaseDocument document, DocumentVersion version) {
    Map<String, String> values = values(version);
    List<Map.Entry<String, String>> shown = new ArrayList<>();
    for (Field field : fields(document.type())) {
      String value = values.remove(field.name());
      if (value != null && !value.isBlank()) {
        shown.add(Map.entry(field.name(), value));
      }
    }
    values.forEach((name, value) -> {
      if (!value.isBlank()) {
        shown.add(Map.entry(name, value));
      }
    });
    return shown;
  }

  private static void putIfPresent(Map<String, String> values, String key, String value) {
    if (value != null) {
      values.put(key, value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
