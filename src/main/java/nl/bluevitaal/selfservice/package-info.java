/**
 * The employee's own direction: "Mijn traject" (where they stand, what comes next, their goals and documents, their
 * own view) and its part of the home page. Check-ins and tools for home come later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-service",
    allowedDependencies = {"journey", "casefile", "privacy", "identity", "notices", "poortwachter", "web"})
package nl.bluevitaal.selfservice;
