/**
 * The employee's home tools: the energy balance and the relapse-prevention plan (domain E). Named so the demo data
 * can fill them in through the same service as the pages.
 */
@org.springframework.modulith.NamedInterface("hometools")
package nl.bluevitaal.selfservice.hometools;
