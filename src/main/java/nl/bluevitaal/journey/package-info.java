/**
 * The reintegration journey: the poortwachter process and its decisions, kept at the edge behind domain ports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journey")
package nl.bluevitaal.journey;
