/**
 * Demo users and a fictitious demo caseload for the embedded default, made through the same use cases as the pages;
 * never active in the postgres profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
    allowedDependencies = {"casefile", "journey", "poortwachter", "privacy", "identity", "insight",
        "selfservice :: hometools",
        "selfservice :: homefront", "selfservice :: checkin", "selfservice :: reminders"})
package nl.bluevitaal.demo;
