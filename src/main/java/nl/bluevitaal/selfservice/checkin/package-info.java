/**
 * The employee's weekly check-in (domain E): instruments as configuration with their licences, the check-ins
 * themselves, and their triage by the process owner's decision table. Named so the demo data may make check-ins.
 */
@org.springframework.modulith.NamedInterface("checkin")
package nl.bluevitaal.selfservice.checkin;
