package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code audit_event} append-only in the database itself on PostgreSQL (production): a trigger refuses every
 * UPDATE, DELETE and TRUNCATE, whoever connects, so the audit trail cannot be changed through the application or a
 * stray query of its database user. H2 (the embedded demo) has no SQL trigger language; there the application's
 * lack of any update or delete path is the guard. A Java migration, because plain SQL cannot run on one vendor only.
 */
public class V11__audit_append_only extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("""
          create or replace function audit_event_append_only() returns trigger language plpgsql as $$
          begin
            raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
          end
          $$""");
      statement.execute("""
          create trigger audit_event_no_update_or_delete before update or delete on audit_event
          for each row execute function audit_event_append_only()""");
      statement.execute("""
          create trigger audit_event_no_truncate before truncate on audit_event
          for each statement execute function audit_event_append_only()""");
    }
  }
}
