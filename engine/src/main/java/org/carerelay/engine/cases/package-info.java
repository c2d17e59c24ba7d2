/**
 * What every pathway's case shares: its involved teams, closing it, and the death of its patient
 * recorded over REST or from Tasklist, with every partner told once.
 */
package org.carerelay.engine.cases;
