package nl.bluevitaal.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's PostgreSQL server, seen from the outside: databases are made from templates so every measurement
 * starts from the same generated caseload (CREATE DATABASE .. TEMPLATE copies it in seconds), and read back with
 * plain SQL to check what the engine did. Nothing here writes into BlueVitaal's or the engine's tables.
 */
record Postgres(String host, int port, String user) {

  String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, "");
  }

  boolean exists(String database) throws SQLException {
    try (Connection c = connect("postgres");
        PreparedStatement s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  void drop(String database) throws SQLException {
    admin("drop database if exists " + database + " with (force)");
  }

  void create(String database) throws SQLException {
    drop(database);
    admin("create database " + database);
  }

  void copy(String template, String database) throws SQLException {
    drop(database);
    // File copy rather than PostgreSQL 15's default of writing the whole template through the WAL: a caseload of
    // several GB copies in seconds instead of minutes.
    boolean fileCopy = Integer.parseInt(string("postgres", "show server_version_num")) >= 150000;
    admin("create database " + database + " template " + template + (fileCopy ? " strategy = file_copy" : ""));
  }

  void rename(String from, String to) throws SQLException {
    drop(to);
    admin("alter database " + from + " rename to " + to);
  }

  void set(String database, String setting, String value) throws SQLException {
    admin("alter database " + database + " set " + setting + " = " + value);
  }

  void reset(String database, String setting) throws SQLException {
    admin("alter database " + database + " reset " + setting);
  }

  void vacuumAnalyze(String database) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
    }
  }

  String size(String database) throws SQLException {
    return string("postgres", "select pg_size_pretty(pg_database_size('" + database + "'))");
  }

  String version() throws SQLException {
    return string("postgres", "show server_version");
  }

  long number(String database, String sql, Object... args) throws SQLException {
    try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  List<String> strings(String database, String sql, Object... args) throws SQLException {
    try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }

  private String string(String database, String sql) throws SQLException {
    List<String> values = strings(database, sql);
    return values.isEmpty() ? null : values.get(0);
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
