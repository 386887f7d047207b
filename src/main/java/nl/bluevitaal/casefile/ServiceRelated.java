package nl.bluevitaal.casefile;

/**
 * Whether the illness is caused by the service (dienstongeval or beroepsziekte), which keeps full pay under the
 * police's framework. Administrative (domain A), like "whether a work accident is involved" at the sick report: a yes
 * or no, never a diagnosis or a reason.
 */
public enum ServiceRelated {
  YES,
  NO,
  UNKNOWN;

  /** Only a recorded yes keeps the service-related pay; unknown pays as not service-related until someone knows. */
  public boolean keepsServicePay() {
    return this == YES;
  }
}
