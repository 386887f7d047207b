package nl.bluevitaal.insight;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bluevitaal.insight.internal.ReadModelVersion;
import nl.bluevitaal.privacy.AccessPolicy;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.privacy.InsightScope;
import nl.bluevitaal.web.ConflictException;
import nl.bluevitaal.web.FieldErrorsException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The population of a unit's teams per month: headcount and contracted hours as full-time equivalents, the ground of
 * the standard absence figures (insight.md). Management enters it for a range of months or imports it as CSV, as an
 * absence package or HR system exports it. It names nobody, so it is no figure of domain G; reading it is still a read
 * of the unit (checked and audited), every change a recorded write.
 *
 * <p>A change states the population of the months it names, whatever was there before; the unit's version guards it:
 * a change quoting a version that is no longer current is refused (409), so two people at it at once see each other's
 * work before one overwrites the other.
 */
@Service
@Transactional
public class Population {

  /** At most this many lines in one import: ten years of twelve months for forty teams, with room. */
  public static final int MAX_LINES = 10_000;
  public static final int MAX_HEADCOUNT = 1_000_000;
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/](\\d{1,2})");
  private static final Pattern MONTH_FIRST = Pattern.compile("(\\d{1,2})[-/](\\d{4})");

  /** One team's population in one month, as entered or imported. */
  public record Entry(String team, YearMonth month, Integer headcount, BigDecimal fte) {
  }

  /** A stored month, and who changed it last. */
  public record Stored(String team, YearMonth month, int headcount, BigDecimal fte, String changedBy,
      OffsetDateTime changedAt) {
  }

  /** A unit's population in a year: its teams (of its cases and its population), the months stored, its version. */
  public record Year(String unit, int year, List<String> teams, List<Stored> rows, int version, String changedBy,
      OffsetDateTime changedAt) {

    /** The stored rows by team and month, for a page that looks up every cell (70 teams by 12 months). */
    public Map<String, Map<YearMonth, Stored>> byTeamAndMonth() {
      Map<String, Map<YearMonth, Stored>> index = new HashMap<>();
      rows.forEach(row -> index.computeIfAbsent(row.team(), team -> new HashMap<>()).put(row.month(), row));
      return index;
    }
  }

  private final JdbcClient jdbc;
  private final AccessPolicy access;
  private final InsightFigures figures;
  private final ReadModelVersion version;
  private final Clock clock;

  Population(JdbcClient jdbc, AccessPolicy access, InsightFigures figures, ReadModelVersion version, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.figures = figures;
    this.version = version;
    this.clock = clock;
  }

  /** Whether the actor may enter and import a population (the policy says; nothing is audited by asking). */
  public boolean changedBy(Actor actor) {
    return access.permitsPopulationChange(actor);
  }

  /**
   * Refuses (403, recorded) whoever may not change a population, before their input is looked at: a refusal must not
   * depend on whether what they sent was valid.
   */
  public void checkMayChange(Actor actor, String unit) {
    if (!access.permitsPopulationChange(actor)) {
      access.checkPopulationChange(actor, unit, "population");
    }
  }

  /** The unit's population in the year, checked and audited as a read of the unit. */
  @Transactional(readOnly = true)
  public Year read(Actor actor, String unit, int year) {
    access.checkInsight(actor, InsightScope.unit(unit), "population " + year);
    List<Stored> rows = jdbc.sql("""
            select team, month_start, headcount, fte, changed_by, changed_at from insight_population
             where unit = :u and month_start between :from and :to order by team, month_start""")
        .param("u", unit).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
        .query((rs, n) -> new Stored(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getInt(3),
            rs.getBigDecimal(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
        .list();
    TreeSet<String> teams = new TreeSet<>(figures.teams(unit));
    rows.forEach(row -> teams.add(row.team()));
    record Head(int version, String changedBy, OffsetDateTime changedAt) {
    }
    Head head = jdbc.sql("select version, changed_by, changed_at from insight_population_unit where unit = :u")
        .param("u", unit)
        .query((rs, n) -> new Head(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
        .optional().orElse(new Head(0, null, null));
    return new Year(unit, year, List.copyOf(teams), rows, head.version(), head.changedBy(), head.changedAt());
  }

  /**
   * Stores the entries for the unit when {@code expectedVersion} is still its version, and returns the new version.
   * Checked and audited as a write; entries are validated first ({@link #validate}), and nothing is stored unless all
   * of them are valid.
   *
   * @throws FieldErrorsException naming each bad entry's field ({@code rows[i].fte})
   * @throws ConflictException when someone changed the unit's population since {@code expectedVersion}
   */
  public int save(Actor actor, String unit, List<Entry> entries, int expectedVersion, boolean english) {
    access.checkPopulationChange(actor, unit, "population: " + entries.size() + " months");
    Map<String, String> errors = validate(entries, "rows", english);
    if (!errors.isEmpty()) {
      throw new FieldErrorsException(errors);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    // The absence figures read the population: computed again after this change.
    version.changedUnit(unit);
    int bumped = jdbc.sql("""
            update insight_population_unit set version = version + 1, changed_by = :by, changed_at = :now
             where unit = :u and version = :v""")
        .param("by", actor.userId()).param("now", now).param("u", unit).param("v", expectedVersion).update();
    if (bumped == 0) {
      if (expectedVersion != 0 || !claimFirst(unit, actor, now)) {
        throw conflict(unit, english);
      }
    }
    for (Entry entry : entries) {
      LocalDate month = entry.month().atDay(1);
      int updated = jdbc.sql("""
              update insight_population set headcount = :h, fte = :f, changed_by = :by, changed_at = :now
               where unit = :u and team = :t and month_start = :m""")
          .param("h", entry.headcount()).param("f", entry.fte()).param("by", actor.userId()).param("now", now)
          .param("u", unit).param("t", entry.team().strip()).param("m", month).update();
      if (updated == 0) {
        jdbc.sql("""
                insert into insight_population (unit, team, month_start, headcount, fte, changed_by, changed_at)
                values (:u, :t, :m, :h, :f, :by, :now)""")
            .param("u", unit).param("t", entry.team().strip()).param("m", month).param("h", entry.headcount())
            .param("f", entry.fte()).param("by", actor.userId()).param("now", now).update();
      }
    }
    return expectedVersion + 1;
  }

  /** The unit's first change: one of two at once wins the insert, the other is told, as for any stale version. */
  private boolean claimFirst(String unit, Actor actor, OffsetDateTime now) {
    try {
      jdbc.sql("""
              insert into insight_population_unit (unit, version, changed_by, changed_at) values (:u, 1, :by, :now)""")
          .param("u", unit).param("by", actor.userId()).param("now", now).update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  private ConflictException conflict(String unit, boolean english) {
    return new ConflictException(english
        ? "Someone changed the population of " + unit + " since you opened it; look at it again and save once more."
        : "Iemand heeft de bezetting van " + unit + " gewijzigd sinds je hem opende; bekijk hem opnieuw en sla dan"
            + " nog eens op.");
  }

  /**
   * Each entry's faults by field path ({@code prefix[i].field}): a team named (at most 120 characters), a month from
   * 2000 to next year, a headcount of 0 or more, an FTE of at most two decimals that is more than 0 for a team with
   * people and not more than its headcount, and no team and month twice.
   */
  public Map<String, String> validate(List<Entry> entries, String prefix, boolean english) {
    return validate(entries, i -> prefix + "[" + i + "].", i -> i + 1, english);
  }

  /** {@code at}: the path of an entry's fields; {@code number}: the entry as its reader counts (row 1, line 3). */
  private Map<String, String> validate(List<Entry> entries, IntFunction<String> at, IntUnaryOperator number,
      boolean english) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    int lastYear = YearMonth.now(clock).getYear() + 1;
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      String path = at.apply(i);
      if (entry.team() == null || entry.team().isBlank()) {
        errors.put(path + "team", english ? "Name the team." : "Vul het team in.");
      } else if (entry.team().length() > 120) {
        errors.put(path + "team", english ? "A team's name is at most 120 characters."
            : "De naam van een team is hoogstens 120 tekens.");
      }
      if (entry.month() == null) {
        errors.put(path + "month", english ? "Give the month, for example 2026-01." : "Vul de maand in, bijvoorbeeld"
            + " 2026-01.");
      } else if (entry.month().getYear() < 2000 || entry.month().getYear() > lastYear) {
        errors.put(path + "month", english ? "Choose a month from 2000 to " + lastYear + "."
            : "Kies een maand van 2000 tot en met " + lastYear + ".");
      }
      if (entry.headcount() == null) {
        errors.put(path + "headcount", english ? "Give the number of employees." : "Vul het aantal medewerkers in.");
      } else if (entry.headcount() < 0 || entry.headcount() > MAX_HEADCOUNT) {
        errors.put(path + "headcount", english ? "The number of employees is 0 to " + MAX_HEADCOUNT + "."
            : "Het aantal medewerkers is 0 tot en met " + MAX_HEADCOUNT + ".");
      }
      if (entry.fte() == null) {
        errors.put(path + "fte", english ? "Give the FTE, for example 44.6." : "Vul het aantal fte in, bijvoorbeeld"
            + " 44,6.");
      } else if (entry.fte().signum() < 0 || entry.fte().stripTrailingZeros().scale() > 2) {
        errors.put(path + "fte", english ? "The FTE is 0 or more, with at most two decimals."
            : "Het aantal fte is 0 of meer, met hoogstens twee decimalen.");
      } else if (entry.headcount() != null && entry.fte().compareTo(BigDecimal.valueOf(entry.headcount())) > 0) {
        errors.put(path + "fte", english ? "The FTE cannot be more than the number of employees."
            : "Het aantal fte kan niet meer zijn dan het aantal medewerkers.");
      } else if (entry.headcount() != null && entry.headcount() > 0 && entry.fte().signum() == 0) {
        errors.put(path + "fte", english ? "A team with employees has more than 0 FTE."
            : "Een team met medewerkers heeft meer dan 0 fte.");
      }
      if (entry.team() != null && entry.month() != null) {
        Integer earlier = seen.putIfAbsent(entry.team().trim() + "\u0000" + entry.month(), i);
        if (earlier != null && !errors.containsKey(path + "month")) {
          errors.put(path + "month", english ? "This team and month are in line " + number.applyAsInt(earlier)
              + " already." : "Dit team en deze maand staan al in regel " + number.applyAsInt(earlier) + ".");
        }
      }
    }
    return errors;
  }

  /**
   * The entries of a CSV text: a line per team and month, {@code team;maand;medewerkers;fte} (a semicolon and a decimal
   * comma, as Dutch spreadsheets write it) or the same with commas and a decimal point; a first line of column names
   * is skipped; a field may be in double quotes. A month is {@code 2026-01} or {@code 01-2026}.
   *
   * @throws FieldErrorsException per faulty line ({@code lines[3].fte}, numbered as the file is), nothing imported
   */
  public List<Entry> parseCsv(String text, boolean english) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    if (lines.length > MAX_LINES + 1) {
      throw new FieldErrorsException(Map.of("csv", english ? "At most " + MAX_LINES + " lines at once."
          : "Hoogstens " + MAX_LINES + " regels tegelijk."));
    }
    char delimiter = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty()) {
        continue;
      }
      if (delimiter == 0) {
        delimiter = line.indexOf(';') >= 0 ? ';' : line.indexOf('\t') >= 0 ? '\t' : ',';
      }
      List<String> fields = fields(line, delimiter);
      if (entries.isEmpty() && errors.isEmpty() && fields.size() >= 3 && isHeader(fields)) {
        continue;
      }
      String lineAt = "lines[" + (i + 1) + "].";
      if (fields.size() != 4) {
        errors.put(lineAt + "line", english ? "A line has four fields: team, month, employees, FTE; this one has "
            + fields.size() + "." : "Een regel heeft vier velden: team, maand, medewerkers, fte; deze heeft er "
            + fields.size() + ".");
        continue;
      }
      YearMonth month = month(fields.get(1));
      if (month == null) {
        errors.put(lineAt + "month", english ? "\"" + fields.get(1) + "\" is no month; write 2026-01."
            : "\"" + fields.get(1) + "\" is geen maand; schrijf 2026-01.");
      }
      Integer headcount = null;
      try {
        headcount = Integer.parseInt(fields.get(2).strip());
      } catch (NumberFormatException e) {
        errors.put(lineAt + "headcount", english ? "\"" + fields.get(2) + "\" is no whole number of employees."
            : "\"" + fields.get(2) + "\" is geen heel aantal medewerkers.");
      }
      BigDecimal fte = null;
      String fteText = fields.get(3).strip();
      try {
        fte = new BigDecimal(delimiter == ',' ? fteText : fteText.replace(',', '.'));
      } catch (NumberFormatException e) {
        errors.put(lineAt + "fte", english ? "\"" + fteText + "\" is no number of FTE." : "\"" + fteText
            + "\" is geen aantal fte.");
      }
      if (month != null && headcount != null && fte != null) {
        entries.add(new Entry(fields.get(0).strip(), month, headcount, fte));
        lineNumbers.add(i + 1);
      }
    }
    // The entries' own checks, by the lines they came from.
    errors.putAll(validate(entries, i -> "lines[" + lineNumbers.get(i) + "].", lineNumbers::get, english));
    if (errors.isEmpty() && entries.isEmpty()) {
      errors.put("csv", english ? "There is no line to import." : "Er staat geen regel in om te importeren.");
    }
    if (!errors.isEmpty()) {
      throw new FieldErrorsException(errors);
    }
    return entries;
  }

  private static boolean isHeader(List<String> fields) {
    try {
      Integer.parseInt(fields.get(2).strip());
      return false;
    } catch (NumberFormatException e) {
      return month(fields.get(1)) == null;
    }
  }

  /** A month as {@code 2026-01}, {@code 2026/1} or {@code 01-2026}; null when it is none. */
  public static YearMonth month(String text) {
    String value = text == null ? "" : text.strip();
    Matcher yearFirst = YEAR_FIRST.matcher(value);
    Matcher monthFirst = MONTH_FIRST.matcher(value);
    int year;
    int month;
    if (yearFirst.matches()) {
      year = Integer.parseInt(yearFirst.group(1));
      month = Integer.parseInt(yearFirst.group(2));
    } else if (monthFirst.matches()) {
      year = Integer.parseInt(monthFirst.group(2));
      month = Integer.parseInt(monthFirst.group(1));
    } else {
      return null;
    }
    return month >= 1 && month <= 12 ? YearMonth.of(year, month) : null;
  }

  /** The fields of a line; a field in double quotes may hold the delimiter, and "" is a quote inside one. */
  private static List<String> fields(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        field.setLength(0);
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
