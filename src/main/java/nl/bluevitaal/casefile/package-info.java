/**
 * The case file: employees, their absence cases with sick periods, phase, work capacity and legal deadlines, and the
 * re-integration file around them (documents, contact moments, goals, support network, medical notes), every use
 * case behind the privacy module's one access policy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case file")
package nl.bluevitaal.casefile;
