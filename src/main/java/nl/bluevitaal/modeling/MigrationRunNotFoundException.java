package nl.bluevitaal.modeling;

import java.util.UUID;

/** No migration run with this id. */
public class MigrationRunNotFoundException extends RuntimeException {

  public MigrationRunNotFoundException(UUID id) {
    super("No migration run " + id);
  }
}
