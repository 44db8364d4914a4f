/**
 * FitSNAP's JSON training-data layout (group directories of one-configuration JSON files, with unit
 * "Style" fields and stress in kB), read as a stream of labelled configurations.
 */
package org.uf3j.core.io.fitsnap;
