package nl.bluevitaal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The colour pairs the theme uses meet WCAG 2.1 AA: 4.5:1 for text, 3:1 for borders and focus rings
 * (1.4.3, 1.4.11). Reads the palette from tokens.css, so a changed colour is checked too.
 */
class TokenContrastTest {

  private static final Map<String, String> palette = new HashMap<>();

  @BeforeAll
  static void readPalette() throws IOException {
    try (InputStream in = TokenContrastTest.class.getResourceAsStream("/static/css/tokens.css")) {
      assertThat(in).isNotNull();
      String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher matcher = Pattern.compile("--bv-color-([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6});").matcher(css);
      while (matcher.find()) {
        palette.put(matcher.group(1), matcher.group(2));
      }
    }
  }

  @ParameterizedTest(name = "{0} on {1} ≥ {2}:1")
  @CsvSource({
      // body text, headings, muted text, links
      "ink, white, 4.5", "ink, grey-100, 4.5", "ink-muted, white, 4.5", "ink-muted, grey-100, 4.5",
      "navy-900, white, 4.5", "blue-700, white, 4.5", "navy-800, white, 4.5", "purple-700, white, 4.5",
      "blue-700, grey-100, 4.5", "blue-700, blue-50, 4.5",
      // page header
      "white, navy-900, 4.5", "header-muted, navy-900, 4.5", "navy-900, header-muted, 4.5",
      // buttons
      "white, blue-700, 4.5", "white, navy-800, 4.5", "navy-800, blue-50, 4.5",
      // alerts, badges, table header, errors, skip link
      "ink, red-50, 4.5", "ink, blue-50, 4.5", "ink, green-50, 4.5", "navy-900, blue-50, 4.5",
      "red-700, white, 4.5", "navy-900, amber-300, 4.5",
      // non-text: form borders, alert borders, focus rings
      "grey-500, white, 3", "red-700, red-50, 3", "blue-700, blue-50, 3", "green-700, green-50, 3",
      "navy-900, white, 3"
  })
  void meetsWcagAa(String foreground, String background, double minimum) {
    assertThat(palette).containsKeys(foreground, background);
    assertThat(contrast(palette.get(foreground), palette.get(background)))
        .as("%s (%s) on %s (%s)", foreground, palette.get(foreground), background, palette.get(background))
        .isGreaterThanOrEqualTo(minimum);
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
