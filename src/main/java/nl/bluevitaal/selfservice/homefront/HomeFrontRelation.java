package nl.bluevitaal.selfservice.homefront;

/** How the invited person stands to the employee. */
public enum HomeFrontRelation {
  PARTNER, OUDER, KIND, VRIEND, ANDERS
}
