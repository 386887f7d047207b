package nl.bluevitaal.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * A document version as people read it: its answers ({@link DocumentContent#sections}) as labelled sections of
 * paragraphs, lists and dates, never the stored {@code ## field} markup. The pages render it with
 * {@code templates/casefile/document-text.html}, which escapes every piece of text: stored text never becomes markup.
 */
public final class DocumentText {

  private static final Pattern BULLET = Pattern.compile("^\\s*[-*•]\\s+");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+");

  /** How a block shows: a paragraph (its line breaks kept), a bulleted or numbered list, or a date. */
  public enum Kind { PARAGRAPH, BULLETS, NUMBERED, DATE }

  /** One block of an answer; {@code date} only for {@link Kind#DATE}. */
  public record Block(Kind kind, List<String> lines, @Nullable LocalDate date) {

    public Block {
      lines = List.copyOf(lines);
    }

    /** The paragraph's text, its lines joined by line breaks. */
    public String text() {
      return String.join("\n", lines);
    }
  }

  /**
   * One answer: the field's name ({@code doel}) and the message keys of its label, most specific first
   * ({@code doc.field.EVALUATION.doelen}, then {@code doc.field.doelen}).
   */
  public record Section(String field, List<String> labelKeys, List<Block> blocks) {

    public Section {
      labelKeys = List.copyOf(labelKeys);
      blocks = List.copyOf(blocks);
    }
  }

  private DocumentText() {
  }

  /** The readable sections of the document's current version; empty without one. */
  public static List<Section> of(CaseDocument document) {
    return of(document, document.current());
  }

  /** The readable sections of one version of the document, in the order of its form. */
  public static List<Section> of(CaseDocument document, @Nullable DocumentVersion version) {
    List<Section> sections = new ArrayList<>();
    if (version == null) {
      return sections;
    }
    for (Map.Entry<String, String> answer : DocumentContent.sections(document, version)) {
      String field = answer.getKey();
      boolean date = DocumentContent.fields(document.type()).stream()
          .anyMatch(f -> f.name().equals(field) && f.kind() == DocumentContent.Kind.DATE);
      sections.add(new Section(field, List.of("doc.field." + document.type().name() + "." + field,
          "doc.field." + field), date ? dateBlocks(answer.getValue()) : blocks(answer.getValue())));
    }
    return sections;
  }

  /** A text split into blocks at blank lines; a block whose every line is a list item becomes a list. */
  static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String line : (text + "\n").replace("\r\n", "\n").split("\n", -1)) {
      if (line.isBlank()) {
        if (!lines.isEmpty()) {
          blocks.add(block(lines));
          lines = new ArrayList<>();
        }
      } else {
        lines.add(line.stripTrailing());
      }
    }
    return blocks;
  }

  private static Block block(List<String> lines) {
    if (lines.stream().allMatch(l -> BULLET.matcher(l).find())) {
      return new Block(Kind.BULLETS, lines.stream().map(l -> BULLET.matcher(l).replaceFirst("")).toList(), null);
    }
    if (lines.stream().allMatch(l -> NUMBERED.matcher(l).find())) {
      return new Block(Kind.NUMBERED, lines.stream().map(l -> NUMBERED.matcher(l).replaceFirst("")).toList(), null);
    }
    return new Block(Kind.PARAGRAPH, lines, null);
  }

  /** A date answer as a date; one that does not read as a date is shown as it was written. */
  private static List<Block> dateBlocks(String value) {
    try {
      return List.of(new Block(Kind.DATE, List.of(value.strip()), LocalDate.parse(value.strip())));
    } catch (DateTimeParseException e) {
      return blocks(value);
    }
  }
}
