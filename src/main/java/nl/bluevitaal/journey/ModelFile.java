package nl.bluevitaal.journey;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A model file as a process owner or the build hands it in: its name ({@code X.bpmn}, {@code X.dmn}) and bytes. */
public record ModelFile(String name, byte[] content) {

  public ModelFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  public static ModelFile of(String name, String xml) {
    return new ModelFile(name, xml.getBytes(StandardCharsets.UTF_8));
  }

  public boolean isProcess() {
    return name.endsWith(".bpmn");
  }

  public boolean isDecision() {
    return name.endsWith(".dmn");
  }
}
