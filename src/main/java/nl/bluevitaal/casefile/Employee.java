package nl.bluevitaal.casefile;

import java.util.UUID;

public record Employee(UUID id, String personnelNumber, String displayName, String userId, String unit, String team,
    String lineManagerUserId) {
}
