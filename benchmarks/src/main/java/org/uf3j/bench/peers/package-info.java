/**
 * The head-to-head studies of benchmarks/peers (issue 12): reading their results JSON and drawing
 * the accuracy-versus-cost figure.
 */
package org.uf3j.bench.peers;
