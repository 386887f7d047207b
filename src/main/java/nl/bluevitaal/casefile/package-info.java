/**
 * The case file: employees, their absence cases with sick periods, phase, work capacity and legal deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case file")
package nl.bluevitaal.casefile;
