/**
 * Wet verbetering poortwachter: from sick periods to the legal timeline of one case, in plain Java (the only source
 * of the law's numbers); its web package is the timeline calculator API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Poortwachter", allowedDependencies = {"web"})
package nl.bluevitaal.poortwachter;
