/** Benchmarks: JMH (Java vs native kernels, fitting throughput) and the paper studies. */
package org.uf3j.bench;
