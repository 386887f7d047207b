package nl.bluevitaal.insight;

import java.util.BitSet;

/** What the gate let out of a {@link Disclosure}: per count its value or why it is hidden. */
public final class Released {

  private final Disclosure disclosure;
  private final BitSet small;
  private final BitSet protecting;

  Released(Disclosure disclosure, BitSet small, BitSet protecting) {
    this.disclosure = disclosure;
    this.small = small;
    this.protecting = protecting;
  }

  public Shown shown(Disclosure.Count count) {
    if (count.disclosure() != disclosure) {
      throw new IllegalArgumentException("A count of another disclosure");
    }
    if (small.get(count.index())) {
      return Shown.hidden(Shown.Hidden.SMALL_GROUP);
    }
    if (protecting.get(count.index())) {
      return Shown.hidden(Shown.Hidden.PROTECTS_SMALL_GROUP);
    }
    return Shown.of(disclosure.value(count.index()));
  }

  /** How many counts are hidden, either way. */
  public int hiddenCount() {
    return small.cardinality() + protecting.cardinality();
  }
}
