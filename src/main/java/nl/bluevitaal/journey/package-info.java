/**
 * The re-integration journey: the poortwachter process and its decisions. Its API knows no engine (open steps,
 * completing them, the step catalogue read from the model); every engine call is in {@code internal}. Web: the task
 * list, the step forms, the steps API and the steps sections on other modules' pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journey",
    allowedDependencies = {"casefile", "privacy", "poortwachter", "identity", "notices", "web"})
package nl.bluevitaal.journey;
