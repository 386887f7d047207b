/**
 * Who may see what of a case: the one access policy over the data domains A–G and a person's relations to a case,
 * the audit trail, the employee's sharing settings and the retention of case data; its web package holds the
 * employee's own-file pages (sharing, who looked) and API. The case file answers its ports (the parties of a case,
 * the employee's own case, what retention deletes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = {"identity", "web"})
package nl.bluevitaal.privacy;
