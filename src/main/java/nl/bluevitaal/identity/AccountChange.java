package nl.bluevitaal.identity;

/**
 * An account, group, membership or tenant changed, or a change was refused (separation of duties, the engine's own
 * administrator group). Published while the change is made, in its transaction; the privacy module writes it to the
 * audit trail. {@code actorUserId} is {@link #SYSTEM} when BlueVitaal itself made the change (start-up, demo data).
 */
public record AccountChange(String actorUserId, String actorGroups, String what, boolean refused) {

  public static final String SYSTEM = "system";
}
