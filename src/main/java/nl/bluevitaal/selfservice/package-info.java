/**
 * The employee's own direction: "Mijn traject" (what waits for them, where they stand, their goals and documents,
 * their own view) and its part of the home page; the weekly check-in with its triage ({@code checkin}), the wish for
 * contact ({@code contact}), the home tools ({@code hometools}), the home front with consent ({@code homefront}) and the
 * reminders the employee opts into ({@code reminders}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-service",
    allowedDependencies = {"journey", "casefile", "privacy", "identity", "notices", "poortwachter", "web"})
package nl.bluevitaal.selfservice;
