/**
 * The reminders the employee opts into: their weekly check-in on a day they choose, and a notice when a step waits
 * for them; by e-mail only with their consent. Named so the demo data can choose them through the same service as the
 * page.
 */
@org.springframework.modulith.NamedInterface("reminders")
package nl.bluevitaal.selfservice.reminders;
