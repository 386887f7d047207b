/**
 * Who may see what of a case: the one access policy over the data domains A–G, the audit trail, the employee's
 * sharing settings and the retention of case data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package nl.bluevitaal.privacy;
