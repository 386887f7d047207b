package nl.bluevitaal.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A year of weekly WHO-5 check-ins for every employee with a case that is not closed, written straight into the
 * check-in table in batches (as fast as the pages need them; submitting 150,000 through the service would take an
 * hour). Realistic rows: each employee's well-being climbs slowly from low with weekly noise and the odd bad week, the
 * answers add up to it item by item, the triage is the shipped table's (≤ 28 red, ≤ 50 amber, else green), about one
 * check-in in four has a note, and each week's falls on a day and hour of its own before this week (so a check-in
 * submitted now is the first of its week).
 */
final class CheckInHistory {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final List<String> NOTES = List.of("Slecht geslapen, veel piekeren.", "Eerste keer weer gewandeld.",
      "Goed gesprek met mijn begeleider.", "Twee ochtenden op het bureau geweest.",
      "Drukke week thuis, weinig rust.", "Hoofdpijn, veel op de bank gelegen.", "Weer gaan sporten, voelde goed.",
      "Onrustig na het gesprek met de bedrijfsarts.", "Met collega's koffie gedronken, spannend maar fijn.",
      "Nachtmerries zijn minder.", "Energie wisselt erg per dag.", "Ik merk dat ik sneller boos word.");
  private static final String INSERT = """
      insert into check_in (id, client_id, case_id, employee_user_id, instrument, answers, raw_score, score_pct, note,
                            triage_level, triage_reason, taken_at, received_at)
      values (?, ?, ?, ?, 'WHO5', ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private CheckInHistory() {
  }

  /** Seeds the cases that have no check-ins yet; returns how many check-ins it wrote. */
  static long seed(Postgres postgres, String database, int weeks, long seed) throws Exception {
    LocalDate thisMonday = LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long written = 0;
    try (Connection c = postgres.connect(database)) {
      List<String[]> cases = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
          select cast(c.id as varchar), e.user_id from reintegration_case c join employee e on e.id = c.employee_id
           where c.status <> 'CLOSED' and e.user_id is not null
             and not exists (select 1 from check_in i where i.case_id = c.id)
           order by c.case_number""")) {
        while (rs.next()) {
          cases.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        for (String[] one : cases) {
          UUID caseId = UUID.fromString(one[0]);
          Random random = new Random(seed ^ caseId.getLeastSignificantBits());
          int start = 12 + random.nextInt(32);
          int end = Math.min(92, start + 10 + random.nextInt(45));
          for (int week = weeks; week >= 1; week--) {
            double trend = start + (end - start) * (weeks - week) / (double) weeks;
            double dip = random.nextInt(12) == 0 ? -15 - random.nextInt(15) : 0;
            int raw = (int) Math.round(Math.max(0, Math.min(100, trend + dip + random.nextGaussian() * 8)) / 4);
            int[] answers = answers(raw, random);
            int pct = raw * 4;
            String[] triage = triage(pct);
            OffsetDateTime takenAt = thisMonday.minusWeeks(week).plusDays(random.nextInt(7))
                .atTime(LocalTime.of(7 + random.nextInt(15), random.nextInt(60), random.nextInt(60)))
                .atZone(ZONE).toOffsetDateTime();
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, caseId);
            insert.setString(4, one[1]);
            insert.setString(5, "%d,%d,%d,%d,%d".formatted(answers[0], answers[1], answers[2], answers[3],
                answers[4]));
            insert.setInt(6, raw);
            insert.setInt(7, pct);
            insert.setString(8, random.nextInt(4) == 0 ? NOTES.get(random.nextInt(NOTES.size())) : null);
            insert.setString(9, triage[0]);
            insert.setString(10, triage[1]);
            insert.setObject(11, takenAt);
            insert.setObject(12, takenAt.plusSeconds(1 + random.nextInt(5)));
            insert.addBatch();
            if (++written % 2_000 == 0) {
              insert.executeBatch();
            }
          }
        }
        insert.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("analyze check_in");
      }
    }
    return written;
  }

  /** The shipped table's level and reason for a WHO-5 percentage (CheckInHistoryTest holds it to the table). */
  static String[] triage(int pct) {
    return pct <= 28 ? new String[] {"RED", "SCORE_VERY_LOW"} : pct <= 50 ? new String[] {"AMBER", "SCORE_LOW"}
        : new String[] {"GREEN", "SCORE_FINE"};
  }

  /** Five answers of 0–5 that add up to raw (0–25), spread as people answer: close to each other, not all equal. */
  static int[] answers(int raw, Random random) {
    int[] answers = new int[5];
    for (int i = 0; i < 5; i++) {
      answers[i] = raw / 5 + (i < raw % 5 ? 1 : 0);
    }
    for (int swaps = random.nextInt(3); swaps > 0; swaps--) {
      int from = random.nextInt(5);
      int to = random.nextInt(5);
      if (answers[from] > 0 && answers[to] < 5) {
        answers[from]--;
        answers[to]++;
      }
    }
    for (int i = 4; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = answers[i];
      answers[i] = answers[j];
      answers[j] = t;
    }
    return answers;
  }
}
