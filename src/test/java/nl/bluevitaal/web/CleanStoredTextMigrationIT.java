package nl.bluevitaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V22__clean_stored_text;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.support.CaseFixtures.SickCase;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.support.DemoAppTest;
import nl.bluevitaal.support.WebSession;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V22 cleans what was stored before text was cleaned on the way in. The application never stores such text any
 * more, so the rows are written straight into the demo database (H2 keeps a NUL as it is) and the migration is run
 * once more over it, as Flyway would on a database that held them. (In this package rather than db.migration: the
 * demo application is found from here, and sharing its context keeps one Camunda engine in the JVM.)
 */
@DemoAppTest
class CleanStoredTextMigrationIT {

  private static final String DIRTY_NOTE = "Klachten\u0000 nemen af\u0001,\u001b belastbaarheid groeit\u007f.";
  private static final String CLEAN_NOTE = "Tab\tregel\r\nnieuwe regel, één \uD83D\uDE42 en 3 < 4 & \"citaat\".";
  private static final String DIRTY_CONTENT = "## doel\nTerug\u0000 in de eigen functie\u0085.\n\n## afspraken\n"
      + "Elke week\uFFFE bellen\uD800.";
  private static final String DIRTY_TITLE = "Plan\u0000 van aanpak";
  private static final String DIRTY_ADVICE = "Geen\u0002 piekbelasting";

  @LocalServerPort
  int port;

  @Autowired
  DataSource dataSource;
  @Autowired
  CaseFixtures fixtures;

  private JdbcTemplate jdbc;
  private final UUID dirtyNote = UUID.randomUUID();
  private final UUID cleanNote = UUID.randomUUID();
  private final UUID document = UUID.randomUUID();
  private final UUID goal = UUID.randomUUID();
  private final UUID contactMoment = UUID.randomUUID();

  @AfterEach
  void removeTheRowsWrittenHere() {
    if (jdbc != null) {
      jdbc.update("delete from medical_note where id in (?, ?)", dirtyNote, cleanNote);
      jdbc.update("delete from case_document where id = ?", document);
      jdbc.update("delete from goal where id = ?", goal);
      jdbc.update("delete from contact_moment where id = ?", contactMoment);
    }
  }

  @Test
  void theMigrationCleansTextStoredBeforeAndRewritesNoCleanRow() throws Exception {
    jdbc = new JdbcTemplate(dataSource);
    String counsellor = fixtures.user("mc", Groups.COUNSELLOR);
    String doctor = fixtures.user("md", Groups.COMPANY_DOCTOR);
    UUID caseId = fixtures.sickCase(SickCase.of(null, "Opgeslagen Tekst").counselledBy(counsellor, doctor));
    OffsetDateTime now = OffsetDateTime.now();
    insertNote(dirtyNote, caseId, doctor, DIRTY_NOTE, now);
    insertNote(cleanNote, caseId, doctor, CLEAN_NOTE, now);
    jdbc.update("""
        insert into case_document (id, case_id, type, status, title, created_by, created_at, updated_at, released_at,
            version) values (?, ?, 'PLAN_OF_ACTION', 'RELEASED', ?, ?, ?, ?, ?, 1)""",
        document, caseId, DIRTY_TITLE, counsellor, now, now, now);
    jdbc.update("""
        insert into case_document_version (document_id, number, content, work_advice, author_user_id, author_role,
            created_at) values (?, 1, ?, ?, ?, 'COUNSELLOR', ?)""", document, DIRTY_CONTENT, DIRTY_ADVICE, counsellor,
        now);
    jdbc.update("""
        insert into goal (id, case_id, title, description, progress, status, created_by, created_at, updated_at,
            version) values (?, ?, ?, ?, 10, 'OPEN', ?, ?, ?, 0)""",
        goal, caseId, "Doel\u0000", "Omschrijving\u0003", counsellor, now, now);
    jdbc.update("""
        insert into contact_moment (id, case_id, happened_at, author_user_id, kind, summary, confidential, created_at)
        values (?, ?, ?, ?, 'PHONE', ?, false, ?)""", contactMoment, caseId, now, counsellor, "Gebeld\u0000.", now);
    assertThat(noteText(dirtyNote)).as("the database kept the NUL").isEqualTo(DIRTY_NOTE);

    // Until the migration runs, the PDFs of the case render anyway: the renderer cleans what it is given.
    WebSession counsellorSession = loggedIn(counsellor);
    WebSession doctorSession = loggedIn(doctor);
    assertPdf(counsellorSession.get("/dossiers/" + caseId + "/documenten/" + document + ".pdf"));
    assertPdf(counsellorSession.get("/dossiers/" + caseId + "/re-integratieverslag.pdf"));
    assertPdf(doctorSession.get("/dossiers/" + caseId + "/re-integratieverslag.pdf"));

    Map<String, Integer> rowsWritten = new TreeMap<>();
    try (Connection connection = dataSource.getConnection()) {
      new V22__clean_stored_text().migrate(context(counting(connection, rowsWritten)));
    }

    assertThat(noteText(dirtyNote)).isEqualTo("Klachten nemen af, belastbaarheid groeit.");
    assertThat(noteText(cleanNote)).isEqualTo(CLEAN_NOTE);
    assertThat(jdbc.queryForObject("select title from case_document where id = ?", String.class, document))
        .isEqualTo("Plan van aanpak");
    Map<String, Object> version = jdbc.queryForMap(
        "select content, work_advice, functional_limitations from case_document_version where document_id = ?",
        document);
    assertThat(version.get("content"))
        .isEqualTo("## doel\nTerug in de eigen functie.\n\n## afspraken\nElke week bellen.");
    assertThat(version.get("work_advice")).isEqualTo("Geen piekbelasting");
    assertThat(version.get("functional_limitations")).isNull();
    assertThat(jdbc.queryForMap("select title, description from goal where id = ?", goal))
        .containsEntry("title", "Doel").containsEntry("description", "Omschrijving");
    assertThat(jdbc.queryForObject("select summary from contact_moment where id = ?", String.class, contactMoment))
        .isEqualTo("Gebeld.");
    // Exactly the dirty rows are written back: the clean note and the whole demo caseload are left alone.
    assertThat(rowsWritten).containsExactlyEntriesOf(new TreeMap<>(Map.of("case_document", 1,
        "case_document_version", 1, "contact_moment", 1, "goal", 1, "medical_note", 1)));
  }

  private void insertNote(UUID id, UUID caseId, String author, String text, OffsetDateTime at) {
    jdbc.update("""
        insert into medical_note (id, case_id, author_user_id, noted_at, text, last_changed_at, version)
        values (?, ?, ?, ?, ?, ?, 0)""", id, caseId, author, at, text, at);
  }

  private String noteText(UUID id) {
    return jdbc.queryForObject("select text from medical_note where id = ?", String.class, id);
  }

  private WebSession loggedIn(String user) {
    WebSession session = new WebSession(port);
    assertThat(session.login(user, CaseFixtures.PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    return session;
  }

  private static void assertPdf(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
  }

  /** Flyway's context for a Java migration: it uses the connection only. */
  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }

  /** The connection, counting per table the rows each {@code update} statement is given to write. */
  private static Connection counting(Connection connection, Map<String, Integer> rowsWritten) {
    return proxy(Connection.class, connection, (method, args, result) -> {
      if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
          && sql.startsWith("update ")) {
        String table = sql.split(" ")[1];
        return proxy(PreparedStatement.class, (PreparedStatement) result, (m, a, r) -> {
          if (m.getName().equals("addBatch") && (a == null || a.length == 0)) {
            rowsWritten.merge(table, 1, Integer::sum);
          }
          return r;
        });
      }
      return result;
    });
  }

  private interface AfterCall {
    Object apply(Method method, Object[] args, Object result) throws SQLException;
  }

  private static <T> T proxy(Class<T> type, T target, AfterCall after) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      try {
        return after.apply(method, args, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
