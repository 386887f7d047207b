/**
 * The process owners' workbench: the journey's models (processes and decisions) as diagrams with their deployed
 * versions, drafts edited in the browser, the model contract checked before anything deploys, the decisions' test
 * bench, deployment with four eyes, and moving running cases to another version. It sees no case content: counts and
 * ids only. Every engine call it needs is a port of the journey ({@code nl.bluevitaal.journey}) answered in
 * {@code journey.internal}, so the engine stays at one edge.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Modeling",
    allowedDependencies = {"journey", "privacy", "identity", "web"})
package nl.bluevitaal.modeling;
