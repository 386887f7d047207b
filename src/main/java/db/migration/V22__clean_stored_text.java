package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.bluevitaal.web.PlainText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Text is cleaned on the way in since this version ({@link PlainText}); this cleans what was stored before, so no
 * page, PDF or export of an existing file meets a character XML cannot hold (one NUL in a note made every PDF of its
 * case fail). Reads every text people typed once, and writes back only the rows that change. The audit trail is not
 * touched: it is append-only, and holds no typed text.
 */
public class V22__clean_stored_text extends BaseJavaMigration {

  /** Table, its key columns, and the columns people type into. */
  private record TypedText(String table, List<String> keys, List<String> columns) {
  }

  private static final List<TypedText> TYPED = List.of(
      new TypedText("employee", List.of("id"), List.of("display_name", "unit", "team")),
      new TypedText("case_document", List.of("id"), List.of("title")),
      new TypedText("case_document_version", List.of("document_id", "number"), List.of("content",
          "functional_limitations", "remaining_abilities", "work_advice", "adjustments", "expected_duration")),
      new TypedText("contact_moment", List.of("id"), List.of("summary")),
      new TypedText("goal", List.of("id"), List.of("title", "description")),
      new TypedText("support_contact", List.of("id"), List.of("name", "relation")),
      new TypedText("medical_note", List.of("id"), List.of("text")));

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    for (TypedText typed : TYPED) {
      clean(connection, typed);
    }
  }

  private static void clean(Connection connection, TypedText typed) throws Exception {
    String keys = String.join(", ", typed.keys());
    String columns = String.join(", ", typed.columns());
    List<Object[]> changed = new ArrayList<>();
    try (Statement select = connection.createStatement()) {
      select.setFetchSize(500);
      try (ResultSet rows = select.executeQuery("select " + keys + ", " + columns + " from " + typed.table())) {
        while (rows.next()) {
          Object[] row = new Object[typed.keys().size() + typed.columns().size()];
          boolean dirty = false;
          for (int i = 0; i < typed.columns().size(); i++) {
            String value = rows.getString(typed.keys().size() + i + 1);
            String clean = PlainText.clean(value);
            dirty |= value != null && !value.equals(clean);
            row[i] = clean;
          }
          if (dirty) {
            for (int k = 0; k < typed.keys().size(); k++) {
              row[typed.columns().size() + k] = rows.getObject(k + 1);
            }
            changed.add(row);
          }
        }
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    String set = String.join(", ", typed.columns().stream().map(c -> c + " = ?").toList());
    String where = String.join(" and ", typed.keys().stream().map(k -> k + " = ?").toList());
    try (PreparedStatement update = connection.prepareStatement(
        "update " + typed.table() + " set " + set + " where " + where)) {
      for (Object[] row : changed) {
        for (int i = 0; i < row.length; i++) {
          update.setObject(i + 1, row[i]);
        }
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
