/**
 * Notices to a person: the journey's deadline warnings and escalations, kept for their recipient (in the app) and
 * mailed when mail is configured. A notice names a step, a date and a case number, never health data. Web: the
 * unread notices on the home page and the task list, marking one read, and the notices API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices",
    allowedDependencies = {"casefile", "privacy", "identity", "web"})
package nl.bluevitaal.notices;
