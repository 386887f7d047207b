package nl.bluevitaal.selfservice.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bluevitaal.casefile.CaseDocument;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.web.FormState;

/**
 * The employee's correction of a document under their review, as plain text: one field per section of the text as
 * they read it (the same sections {@code casefile.DocumentText} renders, with the same labels), never the stored
 * {@code ## field} markup. What they send is stored in the document content's format again
 * ({@link DocumentContent#content(Map)}). The functional advice has fields of its own (the correction form's record).
 */
final class Correction {

  /**
   * One section as the employee corrects it: its name, the message keys of its label (most specific first, as the
   * reader's), and its longest text.
   */
  record Field(String name, List<String> labelKeys, int maxLength) {

    /**
     * The form's name for it: prefixed, as a section's name comes from stored text and must not meet the form's
     * other fields (the version, the advice).
     */
    public String inputName() {
      return PARAM_PREFIX + name;
    }
  }

  static final String PARAM_PREFIX = "sectie-";

  private Correction() {
  }

  /**
   * The text sections of the document's current version, in reading order; without any, the type's first text
   * question, so there is a field to write in.
   */
  static List<Field> fields(CaseDocument document) {
    List<Field> fields = new ArrayList<>();
    if (document.current() != null) {
      for (Map.Entry<String, String> section : DocumentContent.sections(document, document.current())) {
        Optional<DocumentContent.Field> question = question(document, section.getKey());
        if (question.isEmpty()) {
          // A text not written by the forms (an earlier correction, the API): a section of its own.
          fields.add(field(document, section.getKey(), DocumentContent.MAX_CONTENT));
        } else if (!question.get().advice()) {
          fields.add(field(document, section.getKey(), DocumentContent.MAX_ANSWER));
        }
      }
    }
    if (fields.isEmpty()) {
      DocumentContent.fields(document.type()).stream().filter(q -> !q.advice()).findFirst()
          .ifPresent(q -> fields.add(field(document, q.name(), DocumentContent.MAX_ANSWER)));
    }
    return fields;
  }

  /** The text of each section as stored now, without markup: what the form starts with. */
  static Map<String, String> values(CaseDocument document) {
    Map<String, String> stored = DocumentContent.parse(document.current() == null ? null
        : document.current().content());
    Map<String, String> values = new LinkedHashMap<>();
    fields(document).forEach(f -> values.put(f.name(), stored.getOrDefault(f.name(), "")));
    return values;
  }

  /** What the employee sent for each section by its name, exactly as typed (a missing one as empty). */
  static Map<String, String> typed(HttpServletRequest request, List<Field> fields) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (Field field : fields) {
      String value = request.getParameter(field.inputName());
      typed.put(field.name(), value == null ? "" : value);
    }
    return typed;
  }

  /**
   * The typed sections by their form names, with the message key of what is wrong with each rejected one: each
   * within its length, and not all of them empty (an empty correction would leave the document without text).
   */
  static FormState validated(List<Field> fields, Map<String, String> typed) {
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach(f -> values.put(f.inputName(), typed.get(f.name())));
    FormState form = FormState.of(values);
    for (Field field : fields) {
      if (typed.get(field.name()).strip().length() > field.maxLength()) {
        form = form.withError(field.inputName(), "mine.correct.error.too-long");
      }
    }
    if (!fields.isEmpty() && typed.values().stream().allMatch(String::isBlank)) {
      form = form.withError(fields.get(0).inputName(), "mine.correct.error.required");
    }
    return form;
  }

  /** The sections as the case file stores them. */
  static String content(Map<String, String> typed) {
    return DocumentContent.content(typed);
  }

  private static Optional<DocumentContent.Field> question(CaseDocument document, String name) {
    return DocumentContent.fields(document.type()).stream().filter(q -> q.name().equals(name)).findFirst();
  }

  private static Field field(CaseDocument document, String name, int maxLength) {
    return new Field(name, List.of("doc.field." + document.type().name() + "." + name, "doc.field." + name),
        maxLength);
  }
}
