package nl.bluevitaal.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.bluevitaal.casefile.DocumentContent;
import nl.bluevitaal.casefile.DocumentType;
import nl.bluevitaal.web.FormState;
import nl.bluevitaal.web.PlausibleDates;

/**
 * The form of a document page. Its fields are the questions of the document's type ({@link DocumentContent}), so it
 * binds to the type's fields rather than to a record; the rules are the document content's, the messages the page's.
 */
final class DocumentForm {

  private DocumentForm() {
  }

  /** Everything the form sent for the fields of the type (and the title of a new one), exactly as typed. */
  static Map<String, String> typed(HttpServletRequest request, DocumentType type, boolean withTitle) {
    Map<String, String> values = new LinkedHashMap<>();
    if (withTitle) {
      values.put(DocumentContent.TITLE, valueOf(request.getParameter(DocumentContent.TITLE)));
    }
    for (DocumentContent.Field field : DocumentContent.fields(type)) {
      values.put(field.name(), valueOf(request.getParameter(field.name())));
    }
    return values;
  }

  /** The answers with, per rejected field, the message key of what is wrong. */
  static FormState validated(DocumentType type, Map<String, String> values, boolean withTitle) {
    FormState form = FormState.of(values);
    for (Map.Entry<String, String> error : DocumentContent.validate(type, values, withTitle,
        PlausibleDates::isPlausible).entrySet()) {
      form = form.withError(error.getKey(), "doc.error." + error.getValue());
    }
    return form;
  }

  private static String valueOf(String value) {
    return value == null ? "" : value;
  }
}
