/** Wet verbetering poortwachter deadlines: from sick periods to the legal timeline of one case. */
package nl.bluevitaal.poortwachter;
