package nl.bluevitaal.web;

import java.util.UUID;

/** The one reader of ids in addresses: an id that is not one names nothing here, the same 404 as an unknown id. */
public final class Ids {

  private Ids() {
  }

  public static UUID parse(String value) {
    try {
      return UUID.fromString(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No such address");
    }
  }
}
