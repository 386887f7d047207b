package nl.bluevitaal.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda Tasklist is fully Dutch: our {@code locales/nl.json} translates every key of the English file that ships
 * with the Camunda webjar on the classpath, and our {@code scripts/config.js} (which shadows the webjar's, because
 * the starter serves {@code /camunda/app/**} from {@code classpath:/META-INF/resources/webjars/camunda/app/} and our
 * classes come before the dependency jars) makes Dutch the first and fallback language.
 *
 * <p>When a Camunda upgrade adds or renames keys, {@link #dutchHasExactlyTheKeysOfTheEnglishOfThisCamundaVersion()}
 * fails and lists them.
 */
class TasklistTranslationTest {

  private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
  private static final String EN_JSON = TASKLIST + "locales/en.json";
  private static final String NL_JSON = TASKLIST + "locales/nl.json";
  private static final String CONFIG_JS = TASKLIST + "scripts/config.js";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern MOMENT_TOKEN = Pattern.compile("%[ds]");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  /** Values that are the same in Dutch: product names, words Dutch borrowed, literal values and operators. */
  private static final Set<String> SAME_IN_DUTCH = Set.of("", "Admin", "Camunda", "Cockpit", "Tasklist", "weekend",
      "Type", "Diagram", "Filter", "Filters", "Operator", "Criteria", "<null>", "<", "<=", ">", ">=");

  private static final ClassLoader CLASSPATH = TasklistTranslationTest.class.getClassLoader();
  private static final ObjectMapper JSON = new ObjectMapper();

  static URL englishUrl;
  static Map<String, JsonNode> english;
  static Map<String, JsonNode> dutch;

  @BeforeAll
  static void load() {
    englishUrl = CLASSPATH.getResource(EN_JSON);
    english = flatten(read(EN_JSON));
    dutch = flatten(read(NL_JSON));
  }

  @Test
  void englishComesFromTheCamundaWebjarNotFromAnOverride() {
    assertThat(englishUrl).as(EN_JSON).isNotNull();
    assertThat(englishUrl.getProtocol()).isEqualTo("jar");
    assertThat(englishUrl.getPath()).contains("camunda-webapp-webjar");
    assertThat(english).hasSizeGreaterThan(400);
  }

  @Test
  void dutchHasExactlyTheKeysOfTheEnglishOfThisCamundaVersion() {
    Set<String> missing = new LinkedHashSet<>(english.keySet());
    missing.removeAll(dutch.keySet());
    Set<String> extra = new LinkedHashSet<>(dutch.keySet());
    extra.removeAll(english.keySet());

    assertThat(missing).as("keys in en.json without a Dutch translation").isEmpty();
    assertThat(extra).as("keys in nl.json that en.json no longer has").isEmpty();
    assertThat(new ArrayList<>(dutch.keySet())).as("same key order as en.json")
        .containsExactlyElementsOf(english.keySet());
  }

  @Test
  void everyDutchValueIsFilledWhereTheEnglishIs() {
    List<String> empty = new ArrayList<>();
    List<String> wrongType = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode nl = dutch.get(key);
      if (nl == null) {
        return;
      }
      if (nl.getNodeType() != en.getNodeType()) {
        wrongType.add(key);
      } else if (nl.isTextual() && nl.asText().isBlank() && !en.asText().isBlank()) {
        empty.add(key);
      }
    });

    assertThat(wrongType).as("values whose JSON type differs from en.json").isEmpty();
    assertThat(empty).as("empty Dutch values").isEmpty();
  }

  @Test
  void dutchKeepsEveryPlaceholderMomentTokenAndHtmlTagOfTheEnglish() {
    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode nl = dutch.get(key);
      if (nl == null || !en.isTextual()) {
        return;
      }
      Set<String> placeholders = matches(PLACEHOLDER, en.asText(), 1);
      placeholders.removeAll(matches(PLACEHOLDER, nl.asText(), 1));
      if (!placeholders.isEmpty()) {
        problems.add(key + " lacks placeholder(s) " + placeholders);
      }
      if (!matches(MOMENT_TOKEN, en.asText(), 0).equals(matches(MOMENT_TOKEN, nl.asText(), 0))) {
        problems.add(key + " changes the %d/%s tokens");
      }
      List<String> enTags = all(HTML_TAG, en.asText());
      List<String> nlTags = all(HTML_TAG, nl.asText());
      if (!enTags.equals(nlTags)) {
        problems.add(key + " has HTML " + nlTags + " instead of " + enTags);
      }
    });

    assertThat(problems).isEmpty();
  }

  @Test
  void nothingIsLeftInEnglish() {
    List<String> untranslated = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode nl = dutch.get(key);
      boolean format = key.startsWith("dateLocales.longDateFormat.") || key.startsWith("dateLocales.week.")
          || key.equals("dateLocales.calendar.sameElse");
      if (nl != null && nl.equals(en) && !format && !SAME_IN_DUTCH.contains(en.asText())) {
        untranslated.add(key + " = " + en.asText());
      }
    });

    assertThat(untranslated).as("values still identical to the English").isEmpty();
  }

  @Test
  void ourConfigShadowsTheWebjarsAndMakesDutchTheFirstAndFallbackLanguage() throws IOException {
    List<URL> configs = Collections.list(CLASSPATH.getResources(CONFIG_JS));
    assertThat(configs).as("our config.js and the webjar's").hasSizeGreaterThanOrEqualTo(2);
    assertThat(configs.get(0).getProtocol()).as("the first config.js on the classpath is ours").isEqualTo("file");

    String config = withoutLineComments(text(configs.get(0)));
    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(config);
    assertThat(available.find()).as("an active availableLocales setting").isTrue();
    List<String> locales = all(Pattern.compile("['\"]([a-zA-Z-]+)['\"]"), available.group(1)).stream()
        .map(quoted -> quoted.substring(1, quoted.length() - 1)).toList();
    assertThat(locales).startsWith("nl").contains("en").doesNotHaveDuplicates();
    assertThat(config).containsPattern("fallbackLocale\\s*:\\s*['\"]nl['\"]");
  }

  @Test
  void ourConfigKeepsTheDefaultKeyboardShortcuts() throws IOException {
    List<URL> configs = Collections.list(CLASSPATH.getResources(CONFIG_JS));
    URL webjar = configs.stream().filter(url -> url.getPath().contains("camunda-webapp-webjar")).findFirst()
        .orElseThrow();
    Pattern binding = Pattern.compile("(\\w+)\\s*:\\s*\\{\\s*key\\s*:\\s*'([^']+)'");

    assertThat(all(binding, withoutLineComments(text(configs.get(0)))))
        .containsExactlyElementsOf(all(binding, withoutLineComments(text(webjar))));
  }

  private static JsonNode read(String resource) {
    try (InputStream in = CLASSPATH.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in); // Jackson skips the UTF-8 byte order mark that en.json starts with
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String withoutLineComments(String js) {
    return js.replaceAll("(?m)^\\s*//.*$", "");
  }

  /** Leaf values by path: {@code labels.SAVE}, {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static Set<String> matches(Pattern pattern, String text, int group) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    return found;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
