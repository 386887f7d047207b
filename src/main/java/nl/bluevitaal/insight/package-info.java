/**
 * Aggregated insight (privacy domain G): throughput, phases, deadlines met, shifts in help demand and bottlenecks on
 * the model, for management, counsellors and their lead, line managers (their own team) and process owners; never a
 * person. Its figures come from a read model kept by the application's own events, and every number leaves through
 * the one {@link nl.bluevitaal.insight.GroupSizeGate}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
    allowedDependencies = {"casefile", "journey", "privacy", "identity", "poortwachter", "web"})
package nl.bluevitaal.insight;
