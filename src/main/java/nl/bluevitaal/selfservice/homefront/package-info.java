/**
 * The home front with consent: the employee invites a partner or family member (an account of their own, role
 * "naaste") by a link that expires, chooses what they may see and withdraws it at any moment; the naaste's own pages
 * and check-in; what the counsellor learns of it (that it exists, its consent state).
 */
@org.springframework.modulith.NamedInterface("homefront")
package nl.bluevitaal.selfservice.homefront;
