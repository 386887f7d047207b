package nl.bluevitaal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bluevitaal.identity.Groups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module's texts exist in Dutch (the default bundle) and English, each key belongs to one module, and every key
 * a template names literally exists. The bundles are the ones the application loads ({@code spring.messages.basename}).
 */
class MessagesTest {

  /** {@code #{key}} or {@code #{key(...)}}; a key the template computes ({@code #{${...}}}) starts with no letter. */
  private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
  /** Comments (a usage example in the layout's) are not rendered. */
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  private static final Map<String, Properties> DUTCH = new LinkedHashMap<>();
  private static final Map<String, Properties> ENGLISH = new LinkedHashMap<>();

  @BeforeAll
  static void loadTheBundlesTheApplicationLoads() throws IOException {
    String basenames = load("application.properties").getProperty("spring.messages.basename");
    assertThat(basenames).as("spring.messages.basename").isNotBlank();
    for (String basename : basenames.split(",")) {
      DUTCH.put(basename.strip(), load(basename.strip() + ".properties"));
      ENGLISH.put(basename.strip(), load(basename.strip() + "_en.properties"));
    }
  }

  @Test
  void everyModuleHasAnEnglishTwinWithExactlyItsKeys() {
    assertThat(DUTCH).hasSizeGreaterThan(1);
    DUTCH.forEach((bundle, dutch) -> assertThat(new TreeSet<>(ENGLISH.get(bundle).stringPropertyNames()))
        .as(bundle + "_en").containsExactlyElementsOf(new TreeSet<>(dutch.stringPropertyNames())));
  }

  @Test
  void noKeyBelongsToTwoModules() {
    Map<String, List<String>> bundlesOfKey = new HashMap<>();
    DUTCH.forEach((bundle, dutch) -> dutch.stringPropertyNames()
        .forEach(key -> bundlesOfKey.computeIfAbsent(key, k -> new ArrayList<>()).add(bundle)));
    Map<String, List<String>> shared = new HashMap<>();
    bundlesOfKey.forEach((key, bundles) -> {
      if (bundles.size() > 1) {
        shared.put(key, bundles);
      }
    });
    assertThat(shared).isEmpty();
  }

  @Test
  void everyGroupHasARoleNameAndAnIntroduction() {
    Set<String> keys = dutchKeys();
    for (String group : Groups.ALL) {
      assertThat(keys).contains("role." + group, "home.next." + group);
    }
  }

  @Test
  void everyWorkspaceLinkHasItsTextAndDescription() {
    Set<String> keys = dutchKeys();
    for (WorkspaceLink link : WorkspaceLink.values()) {
      assertThat(keys).contains(link.getMessageKey(), link.getMessageKey() + ".description");
    }
  }

  @Test
  void everyKeyATemplateNamesExists() throws IOException {
    Set<String> keys = dutchKeys();
    Map<String, Set<String>> missing = new LinkedHashMap<>();
    Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
    assertThat(templates).isNotEmpty();
    for (Resource template : templates) {
      String html = COMMENT.matcher(template.getContentAsString(StandardCharsets.UTF_8)).replaceAll("");
      Matcher key = LITERAL_KEY.matcher(html);
      while (key.find()) {
        if (!keys.contains(key.group(1))) {
          missing.computeIfAbsent(name(template), t -> new TreeSet<>()).add(key.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** The template's path under {@code templates/}, e.g. {@code casefile/case.html}. */
  private static String name(Resource template) throws IOException {
    String path = template.getURL().getPath();
    return path.substring(path.lastIndexOf("templates/") + "templates/".length());
  }

  private static Set<String> dutchKeys() {
    Set<String> keys = new TreeSet<>();
    DUTCH.values().forEach(bundle -> keys.addAll(bundle.stringPropertyNames()));
    return keys;
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
