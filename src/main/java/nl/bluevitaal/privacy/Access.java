package nl.bluevitaal.privacy;

/** What the caller wants to do with a domain. */
public enum Access {
  READ, WRITE
}
