package nl.bluevitaal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.bluevitaal.identity.Groups;
import org.junit.jupiter.api.Test;

/** Every text exists in Dutch and English, and the fallback bundle is the Dutch one. */
class MessagesTest {

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void fallbackIsDutch() throws IOException {
    assertThat(load("messages.properties")).isEqualTo(load("messages_nl.properties"));
  }

  @Test
  void dutchAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(load("messages_en.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(load("messages_nl.properties").keySet());
  }

  @Test
  void everyGroupHasARoleName() throws IOException {
    Properties dutch = load("messages_nl.properties");
    for (String group : Groups.ALL) {
      assertThat(dutch).containsKey("role." + group).containsKey("home.next." + group);
    }
    for (WorkspaceLink link : WorkspaceLink.values()) {
      assertThat(dutch).containsKey(link.getMessageKey()).containsKey(link.getMessageKey() + ".description");
    }
  }
}
