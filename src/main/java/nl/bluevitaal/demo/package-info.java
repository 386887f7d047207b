/**
 * Demo users and a fictitious demo caseload for the embedded default; never active in the postgres profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package nl.bluevitaal.demo;
