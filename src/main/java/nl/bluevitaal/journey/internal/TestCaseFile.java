package nl.bluevitaal.journey.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a decision's test cases ({@code X.tests.csv}): comma-separated, double quotes around a value that holds a
 * comma, lines starting with {@code #} are comments, the first other line names the columns. The same format JUnit's
 * {@code @CsvFileSource} reads for the build's table-driven decision tests. Each row ends with its line number.
 */
final class TestCaseFile {

  private TestCaseFile() {
  }

  static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> row = split(line);
      if (!rows.isEmpty()) {
        row.add(String.valueOf(number));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> split(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          value.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          value.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        values.add(value.toString().strip());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString().strip());
    return values;
  }
}
