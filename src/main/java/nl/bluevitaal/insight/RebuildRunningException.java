package nl.bluevitaal.insight;

/** A rebuild of the read model was asked while another runs (on this node or another): 409. */
public class RebuildRunningException extends RuntimeException {

  public RebuildRunningException() {
    super("The insight read model is being rebuilt already; try again when it is done.");
  }
}
