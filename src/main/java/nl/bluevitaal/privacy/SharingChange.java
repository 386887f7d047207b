package nl.bluevitaal.privacy;

/** A requested setting: share (granted) or stop sharing (revoke) this domain with this audience. */
public record SharingChange(Domain domain, Audience audience, boolean granted) {
}
