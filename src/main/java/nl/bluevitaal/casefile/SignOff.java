package nl.bluevitaal.casefile;

import java.time.OffsetDateTime;

/** Who signed which version of a document, in which role, and when. */
public record SignOff(int versionNumber, String userId, String role, OffsetDateTime signedAt) {
}
