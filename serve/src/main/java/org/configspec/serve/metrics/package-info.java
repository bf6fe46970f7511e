/** Run metrics: the verifier's Prometheus meters and the edge client's per-round records and summary. */
package org.configspec.serve.metrics;
